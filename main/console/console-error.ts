import type { ConsoleError } from '../../shared/contract/index.js'
import { ShopError } from '../../server/shop/errors.js'
import {
  AccountError,
  ShopRequestError,
  ShopUnreachableError,
} from '../core/index.js'

// A refusal from the console's core, with a code the renderer can act on.
export class ConsoleFailure extends Error {
  constructor(
    readonly code: ConsoleError['code'],
    message: string,
  ) {
    super(message)
    this.name = 'ConsoleFailure'
  }
}

// Every error that reaches the renderer has one shape, whatever threw it.
export function toConsoleError(err: unknown): ConsoleError {
  if (err instanceof ConsoleFailure || err instanceof ShopError) {
    return { code: err.code, message: err.message }
  }
  if (err instanceof ShopUnreachableError) {
    return { code: 'unreachable', message: 'the shop cannot be reached' }
  }
  if (err instanceof AccountError || err instanceof ShopRequestError) {
    const code = err.code as ConsoleError['code']
    return { code, message: err.message.replace(/^\[tradepost\] /, '') }
  }
  const message = err instanceof Error ? err.message : String(err)
  return { code: 'internal', message: message.replace(/^\[\w+\] /, '') }
}
