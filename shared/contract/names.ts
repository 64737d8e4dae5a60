// The names of the console contract, with no dependencies, so the
// sandboxed preload can carry them without bundling the schemas.

export const REQUEST_NAMES = [
  'console:state',
  'shop:start',
  'shop:stop',
  'shop:configure',
  'merchant:trades',
  'merchant:advance',
  'merchant:catalog',
  'merchant:upsert',
  'merchant:buyers',
  'merchant:drill',
  'buyer:connect',
  'buyer:switch',
  'buyer:signOut',
  'buyer:state',
  'buyer:catalog',
  'buyer:placeOrder',
  'window:openBuyer',
  'dialog:answer',
  'window:hello',
  'merchant:settings',
  'merchant:saveSettings',
  'merchant:dashboard',
  'merchant:receipt',
  'buyer:exportFile',
  'demo:status',
  'demo:start',
  'demo:stop',
  'demo:reset',
  'training:list',
  'training:start',
  'training:status',
  'training:stop',
] as const

export type RequestName = (typeof REQUEST_NAMES)[number]

// IPC channels in the Electron app: one for requests, one for events.
export const CHANNELS = {
  request: 'tradepost:request',
  event: 'tradepost:event',
} as const
