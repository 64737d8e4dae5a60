export * from './schemas.js'
export * from './types.js'
export * from './bridge.js'
export * from './operations.js'
