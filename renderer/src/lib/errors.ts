import type { ConsoleError } from '../../../shared/contract/types.js'

type ErrorLike = Pick<ConsoleError, 'message'> & { code: string }

// Error codes in words a person understands. The server's own message is
// kept for the codes whose message says something specific.
const WORDS: Record<string, string> = {
  out_of_stock: 'The shop doesn’t have enough stock for one of the items. Lower the quantity and try again.',
  unknown_product: 'One of the items is no longer sold by this shop. Remove it from the cart and try again.',
  unreachable: 'The shop can’t be reached right now. Check that it is running and that you are online.',
  offline: 'The shop is offline right now.',
  unauthorized: 'You are signed out of this shop. Sign in again to continue.',
  not_running: 'The shop is stopped. Start it from the Shop page.',
  no_session: 'You are not signed in to a shop.',
  conflict: 'That name is already taken at this shop. Sign in instead, or choose another name.',
  not_found: 'That could not be found. It may have been removed.',
  illegal_transition: 'That status change is not allowed from where the trade stands now.',
  rate_limited: 'Too many requests just now. Wait a moment and try again.',
  unavailable: 'The shop cannot save changes just now. Try again in a moment.',
  internal: 'Something went wrong on the shop’s side. Try again.',
}

const WITH_DETAIL = new Set(['invalid_request', 'illegal_transition', 'not_found'])

export function describeError(error: ErrorLike): string {
  const words = WORDS[error.code]
  if (words == null) {
    return error.message === '' ? `Something went wrong (${error.code}).` : error.message
  }
  if (WITH_DETAIL.has(error.code) && error.message !== '') {
    return `${words} (${error.message})`
  }
  return words
}

export function describeInvalid(error: ErrorLike): string {
  if (error.code === 'invalid_request') return `Some details are not valid: ${error.message}`
  return describeError(error)
}
