import type { Track, TrackStatus } from '../../../shared/protocol/statuses.js'
import { checkMove, tradeState } from '../../../shared/protocol/trade-state.js'

// Returns and cancellations as a sequence of single status moves, in an
// order the rules across tracks allow:
//   return: delivery → returned, then payment settled, then order cancelled
//   cancel: order → cancelled, then delivery cancelled, then payment settled
// "Settled" is refunded when it was captured, voided when only authorized,
// failed when nothing was ever paid. The next move is always worked out
// from the trade as it stands, so steps the shop's own rules took already
// are simply not asked for again.

export type SettleKind = 'return' | 'cancel'

export interface SettleMove {
  track: Track
  to: string
}

const SHIPPED = new Set(['shipped', 'in_transit', 'delivered'])
const SETTLE_PAYMENT: Record<string, string> = {
  captured: 'refunded',
  authorized: 'voided',
  pending: 'failed',
}

// The flow an open trade offers, if any: return once the parcel has left,
// cancel while it has not.
export function settleKind(s: TrackStatus): SettleKind | null {
  if (tradeState(s) !== 'open') return null
  if (SHIPPED.has(s.delivery) || s.delivery === 'returned') return 'return'
  return 'cancel'
}

function legal(s: TrackStatus, move: SettleMove): boolean {
  return checkMove(s, move.track, move.to as TrackStatus[Track]).ok
}

export function nextSettleMove(s: TrackStatus, kind: SettleKind): SettleMove | null {
  if (tradeState(s) !== 'open') return null
  const payTo = SETTLE_PAYMENT[s.payment]
  const candidates: (SettleMove | null)[] = kind === 'return'
    ? [
        SHIPPED.has(s.delivery) ? { track: 'delivery', to: 'returned' } : null,
        payTo != null ? { track: 'payment', to: payTo } : null,
        s.order !== 'cancelled' ? { track: 'order', to: 'cancelled' } : null,
      ]
    : [
        s.order !== 'cancelled' ? { track: 'order', to: 'cancelled' } : null,
        s.delivery === 'pending' ? { track: 'delivery', to: 'cancelled' } : null,
        payTo != null ? { track: 'payment', to: payTo } : null,
      ]
  return candidates.find((m): m is SettleMove => m != null && legal(s, m)) ?? null
}

export function applyMove(s: TrackStatus, move: SettleMove): TrackStatus {
  return { ...s, [move.track]: move.to }
}

// Every move the flow would make from here if no rule stepped in.
export function plannedMoves(s: TrackStatus, kind: SettleKind): SettleMove[] {
  const moves: SettleMove[] = []
  let state = s
  for (let move = nextSettleMove(state, kind); move != null && moves.length < 6; move = nextSettleMove(state, kind)) {
    moves.push(move)
    state = applyMove(state, move)
  }
  return moves
}

const WORDS: Record<string, string> = {
  'delivery:returned': 'Mark the parcel returned',
  'delivery:cancelled': 'Cancel the delivery',
  'payment:refunded': 'Refund the captured payment',
  'payment:voided': 'Void the authorized payment',
  'payment:failed': 'Mark the unpaid payment failed',
  'order:cancelled': 'Cancel the order, so its items go back into stock',
}

export function settleMoveLabel(move: SettleMove): string {
  return WORDS[`${move.track}:${move.to}`] ?? `${move.track} → ${move.to}`
}
