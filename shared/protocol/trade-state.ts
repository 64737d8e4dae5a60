import {
  TRANSITIONS,
  type Track,
  type TrackStatus,
} from './statuses.js'

// Where a trade stands as a whole, derived from its three statuses.
export type TradeState = 'open' | 'complete' | 'closed'

const SETTLED_DELIVERY = new Set(['cancelled', 'returned'])
const SETTLED_PAYMENT = new Set(['voided', 'failed', 'refunded'])
const SHIPPED = new Set(['shipped', 'in_transit', 'delivered'])

export function tradeState(s: TrackStatus): TradeState {
  if (
    s.order === 'completed' &&
    s.delivery === 'delivered' &&
    s.payment === 'captured'
  ) {
    return 'complete'
  }
  if (
    s.order === 'cancelled' &&
    SETTLED_DELIVERY.has(s.delivery) &&
    SETTLED_PAYMENT.has(s.payment)
  ) {
    return 'closed'
  }
  return 'open'
}

export type MoveCheck = { ok: true } | { ok: false; reason: string }

// Whether `to` is a legal next status of `track`, given all three present
// statuses. The per-track table comes first; the rules across tracks keep
// the trade coherent (nothing ships before it is ready, and so on).
export function checkMove<T extends Track>(
  present: TrackStatus,
  track: T,
  to: TrackStatus[T],
): MoveCheck {
  const state = tradeState(present)
  if (state !== 'open') {
    return refuse(`the trade is ${state} and takes no further moves`)
  }
  const from = present[track]
  const table = TRANSITIONS[track] as Record<string, readonly string[]>
  if (!(table[from] ?? []).includes(to)) {
    return refuse(`${track} cannot move from ${from} to ${to}`)
  }
  return checkAcrossTracks(present, track, to)
}

function checkAcrossTracks(
  s: TrackStatus,
  track: Track,
  to: string,
): MoveCheck {
  const cancelled = s.order === 'cancelled'
  if (track === 'order' && to === 'cancelled' && SHIPPED.has(s.delivery)) {
    return refuse('the parcel has shipped: return it instead of cancelling')
  }
  if (track === 'order' && to === 'completed') {
    if (s.delivery !== 'delivered' || s.payment !== 'captured') {
      return refuse('an order completes once delivered and paid')
    }
  }
  if (track === 'delivery' && to === 'shipped' && s.order !== 'ready') {
    return refuse('nothing ships before the order is ready')
  }
  if (track === 'delivery' && to === 'cancelled' && !cancelled) {
    return refuse('a delivery is cancelled only with its order')
  }
  if (track === 'payment' && cancelled && !SETTLED_PAYMENT.has(to)) {
    return refuse('the order is cancelled: its payment can only be settled')
  }
  return { ok: true }
}

function refuse(reason: string): MoveCheck {
  return { ok: false, reason }
}

// All statuses reachable from `from` by zero or more legal moves of one
// track. The buyer's core uses it to reject pushed updates that could not
// have happened.
export function reachable<T extends Track>(
  track: T,
  from: TrackStatus[T],
): ReadonlySet<TrackStatus[T]> {
  const table = TRANSITIONS[track] as Record<string, readonly string[]>
  const seen = new Set<string>([from])
  const queue: string[] = [from]
  for (let next = queue.shift(); next != null; next = queue.shift()) {
    for (const to of table[next] ?? []) {
      if (!seen.has(to)) {
        seen.add(to)
        queue.push(to)
      }
    }
  }
  return seen as Set<TrackStatus[T]>
}
