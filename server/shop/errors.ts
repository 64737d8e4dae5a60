import type { ErrorCode, WireError } from '../../shared/protocol/index.js'

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
  return { code: 'internal', message: 'the shop could not complete this' }
}
