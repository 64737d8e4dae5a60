import type { Processing, Track } from '../../shared/protocol/index.js'

// The moves that take a new trade to complete, in an order the shop
// accepts. A trade whose history holds k processing informations has made
// the first k - 1 of them.
export interface Move {
  track: Track
  to: string
  carrier?: string
  trackingNo?: string
}

export const JOURNEY: readonly Move[] = [
  { track: 'order', to: 'in_preparation' },
  { track: 'payment', to: 'authorized' },
  { track: 'order', to: 'ready' },
  { track: 'delivery', to: 'shipped', carrier: 'DHL', trackingNo: 'JD0146' },
  { track: 'delivery', to: 'in_transit' },
  { track: 'payment', to: 'captured' },
  { track: 'delivery', to: 'delivered' },
  { track: 'order', to: 'completed' },
]

// The processing information after `move`, as the shop would make it.
export function applyMove(p: Processing, move: Move, at: string): Processing {
  const next: Processing = {
    tradingId: p.tradingId,
    order: { ...p.order },
    delivery: { ...p.delivery },
    payment: { ...p.payment },
    updatedAt: at,
    contentsDigest: p.contentsDigest,
  }
  if (move.track === 'order') next.order.status = move.to as Processing['order']['status']
  if (move.track === 'payment') next.payment.status = move.to as Processing['payment']['status']
  if (move.track === 'delivery') {
    next.delivery.status = move.to as Processing['delivery']['status']
    if (move.to === 'shipped') {
      next.delivery.carrier = move.carrier
      next.delivery.trackingNo = move.trackingNo
    }
  }
  return next
}

// A key that names one step of one trade, the same whether read from the
// move that was sent or from the processing information that came back.
export function stepKey(p: Processing): string {
  return `${p.tradingId}|${p.order.status}|${p.delivery.status}|${p.payment.status}`
}

export function keyAfter(tradingId: string, statuses: Statuses, move: Move): string {
  const s = { ...statuses, [move.track]: move.to }
  return `${tradingId}|${s.order}|${s.delivery}|${s.payment}`
}

export interface Statuses {
  order: string
  delivery: string
  payment: string
}

// Statuses after the first `k` moves of the journey.
export function statusesAfter(k: number): Statuses {
  const s: Statuses = { order: 'accepted', delivery: 'pending', payment: 'pending' }
  for (const m of JOURNEY.slice(0, k)) s[m.track] = m.to
  return s
}
