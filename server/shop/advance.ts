import {
  checkMove,
  STATUSES,
  type AdvanceRequest,
  type Processing,
  type Track,
  type TrackStatus,
} from '../../shared/protocol/index.js'
import type { StockLevel } from '../store/records.js'
import type { ShopStore } from '../store/shop-store.js'
import type { TradeRecord } from '../store/trade-record.js'
import { ShopError } from './errors.js'

export function presentStatuses(p: Processing): TrackStatus {
  return {
    order: p.order.status,
    delivery: p.delivery.status,
    payment: p.payment.status,
  }
}

// Moves one track of a trade to its next status, if the move is legal, and
// records the new processing information (all three statuses as they now
// stand). Cancelling an order puts its reserved stock back.
export async function advanceTrade(
  store: ShopStore,
  req: AdvanceRequest,
  cause?: string,
): Promise<{ entry: TradeRecord; processing: Processing; seq: number }> {
  const entry = store.state.trades.get(req.tradingId)
  if (entry == null) {
    throw new ShopError('not_found', `no trade ${req.tradingId}`)
  }
  const present = entry.present
  const to = validStatus(req.track, req.to)
  const check = checkMove(presentStatuses(present), req.track, to)
  if (!check.ok) throw new ShopError('illegal_transition', check.reason)

  const processing = nextProcessing(present, req, to)
  if (cause != null) processing.cause = cause
  const stock = req.track === 'order' && to === 'cancelled' ? release(store, entry) : []
  const doc = store.state.buyers.get(entry.buyerId)!
  const seq = doc.feed.length + 1
  const index = entry.length
  await store.commit({
    t: 'move',
    buyerId: entry.buyerId,
    tradingId: req.tradingId,
    index,
    processing,
    stock,
    feed: [{ seq, type: 'trading:processing', tradingId: req.tradingId, index }],
  })
  return { entry, processing, seq }
}

function validStatus<T extends Track>(track: T, to: string): TrackStatus[T] {
  const known = STATUSES[track] as readonly string[]
  if (!known.includes(to)) {
    throw new ShopError(
      'invalid_request',
      `${to} is not a ${track} status (one of ${known.join(', ')})`,
    )
  }
  return to as TrackStatus[T]
}

function nextProcessing(
  present: Processing,
  req: AdvanceRequest,
  to: string,
): Processing {
  const next: Processing = {
    tradingId: present.tradingId,
    order: { ...present.order },
    delivery: { ...present.delivery },
    payment: { ...present.payment },
    updatedAt: new Date().toISOString(),
    contentsDigest: present.contentsDigest,
  }
  if (req.note != null) next.note = req.note
  if (req.track === 'order') next.order.status = to as Processing['order']['status']
  if (req.track === 'payment') {
    next.payment.status = to as Processing['payment']['status']
  }
  if (req.track === 'delivery') {
    next.delivery.status = to as Processing['delivery']['status']
    if (to === 'shipped') {
      if (req.carrier == null || req.trackingNo == null) {
        throw new ShopError(
          'invalid_request',
          'shipping needs a carrier and a tracking number',
        )
      }
      next.delivery.carrier = req.carrier
      next.delivery.trackingNo = req.trackingNo
    }
  }
  return next
}

function release(store: ShopStore, entry: TradeRecord): StockLevel[] {
  return entry.trading.items.flatMap(({ sku, quantity }) => {
    const product = store.state.catalog.get(sku)
    return product == null ? [] : [{ sku, stock: product.stock + quantity }]
  })
}
