import {
  TRACKS,
  TRANSITIONS,
  type Track,
  type TrackStatus,
} from '../../../shared/protocol/statuses.js'
import { checkMove } from '../../../shared/protocol/trade-state.js'
import type { Processing } from '../../../shared/protocol/schemas.js'

// The merchant's next moves on a trade: every status the tables allow
// from where each track stands, filtered by the rules across tracks.

export interface Move {
  track: Track
  to: string
  label: string
  kind: 'plain' | 'ship' | 'confirm'
}

const LABELS: Record<Track, Record<string, string>> = {
  order: {
    in_preparation: 'Start preparing',
    ready: 'Mark ready',
    completed: 'Complete order',
    cancelled: 'Cancel order',
  },
  delivery: {
    shipped: 'Ship…',
    in_transit: 'Mark in transit',
    delivered: 'Mark delivered',
    cancelled: 'Cancel delivery',
    returned: 'Mark returned',
  },
  payment: {
    authorized: 'Authorize payment',
    captured: 'Capture payment',
    failed: 'Mark payment failed',
    voided: 'Void payment',
    refunded: 'Refund payment',
  },
}

const CONFIRM = new Set(['cancelled', 'refunded', 'voided', 'returned'])

export function statusesOf(p: Processing): TrackStatus {
  return { order: p.order.status, delivery: p.delivery.status, payment: p.payment.status }
}

export function movesOf<T extends Track>(present: TrackStatus, track: T): Move[] {
  const table = TRANSITIONS[track] as Readonly<Record<string, readonly string[]>>
  const candidates = table[present[track]] ?? []
  return candidates
    .filter((to) => checkMove(present, track, to as TrackStatus[T]).ok)
    .map((to) => ({
      track,
      to,
      label: LABELS[track][to] ?? to,
      kind: to === 'shipped' ? 'ship' : CONFIRM.has(to) ? 'confirm' : 'plain',
    }))
}

// Whether the merchant has any move on `track` (movesOf without building
// the moves: asked of every trade on the board).
export function hasMove(present: TrackStatus, track: Track): boolean {
  const table = TRANSITIONS[track] as Readonly<Record<string, readonly string[]>>
  return (table[present[track]] ?? []).some((to) => checkMove(present, track, to as TrackStatus[typeof track]).ok)
}

// Why the table's other next statuses are not offered just now (the rules
// across tracks), so the merchant knows what unlocks them.
export function blockedReasons<T extends Track>(present: TrackStatus, track: T): string[] {
  const table = TRANSITIONS[track] as Readonly<Record<string, readonly string[]>>
  const reasons = new Set<string>()
  for (const to of table[present[track]] ?? []) {
    const check = checkMove(present, track, to as TrackStatus[T])
    if (!check.ok) reasons.add(check.reason)
  }
  return [...reasons]
}

export function legalMoves(present: TrackStatus): Record<Track, Move[]> {
  const result = {} as Record<Track, Move[]>
  for (const track of TRACKS) result[track] = movesOf(present, track)
  return result
}
