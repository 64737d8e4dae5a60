import type { ErrorCode, WireError } from '../../shared/protocol/index.js'
import { StoreUnavailableError } from '../store/shop-store.js'

// A refusal the shop answers with: a closed code and words for a person.
export class ShopError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'ShopError'
  }

  toWire(): WireError {
    return { code: this.code, message: this.message }
  }
}

export function toWireError(err: unknown): WireError {
  if (err instanceof ShopError) return err.toWire()
  if (err instanceof StoreUnavailableError) {
    return {
      code: 'unavailable',
      message: 'the shop cannot write to its disk just now; nothing was ' +
        'changed, try again shortly',
    }
  }
  return { code: 'internal', message: 'the shop could not complete this' }
}
