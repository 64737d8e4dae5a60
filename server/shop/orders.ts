import { newUlid } from '../../shared/ids.js'
import {
  contentsDigest,
  INITIAL_STATUSES,
  type PlaceOrderRequest,
  type Processing,
  type Trading,
} from '../../shared/protocol/index.js'
import type { StockLevel } from '../store/records.js'
import type { ShopStore } from '../store/shop-store.js'
import { isoTime } from './clock.js'
import { ShopError } from './errors.js'

export interface Placed {
  trading: Trading
  processing: Processing
  feed: { info: number; processing: number }
  replay: boolean
}

// Order acceptance: checks the order against the catalog, prices it from
// the catalog, reserves stock and creates the trading information and the
// first processing information, all in one record. Idempotent per
// (buyer, requestId): a repeat answers with the trade already made.
export async function placeOrder(
  store: ShopStore,
  buyerId: string,
  req: PlaceOrderRequest,
): Promise<Placed> {
  const doc = store.state.buyers.get(buyerId)
  if (doc == null) throw new ShopError('unauthorized', 'unknown buyer')
  const quantities = sumBySku(req.items)
  const known = doc.requests.get(req.requestId)
  if (known != null) return replayOf(store, known, quantities, req)

  const { items, stock, currency } = priceAndReserve(store, quantities)
  const now = isoTime()
  const trading: Trading = {
    tradingId: newUlid('T-'),
    buyerId,
    placedAt: now,
    items,
    totalMinor: items.reduce((s, i) => s + i.quantity * i.unitPriceMinor, 0),
    currency,
    shipTo: { name: req.shipTo.name, address: req.shipTo.address },
    payment: { method: req.payment.method },
  }
  const processing: Processing = {
    tradingId: trading.tradingId,
    order: { status: INITIAL_STATUSES.order },
    delivery: { status: INITIAL_STATUSES.delivery },
    payment: { status: INITIAL_STATUSES.payment },
    updatedAt: now,
    contentsDigest: contentsDigest(trading),
  }
  const seq = doc.feed.length + 1
  const id = trading.tradingId
  await store.commit({
    t: 'trade',
    requestId: req.requestId,
    trade: { trading, history: [processing] },
    stock,
    feed: [
      { seq, type: 'trading:info', tradingId: id },
      { seq: seq + 1, type: 'trading:processing', tradingId: id, index: 0 },
    ],
  })
  return { trading, processing, feed: { info: seq, processing: seq + 1 }, replay: false }
}

async function replayOf(
  store: ShopStore,
  tradingId: string,
  quantities: Map<string, number>,
  req: PlaceOrderRequest,
): Promise<Placed> {
  const entry = store.state.trades.get(tradingId)
  if (entry == null) throw new Error(`[orders] lost trade ${tradingId}`)
  if (!sameOrder(entry.trading, quantities, req)) {
    throw new ShopError(
      'conflict',
      `requestId ${req.requestId} was already used for a different order`,
    )
  }
  // The first request may still be on its way to disk.
  await store.settled()
  const processing = entry.present
  return {
    trading: entry.trading,
    processing,
    feed: { info: 0, processing: 0 },
    replay: true,
  }
}

function sameOrder(
  t: Trading,
  quantities: Map<string, number>,
  req: PlaceOrderRequest,
): boolean {
  return (
    t.items.length === quantities.size &&
    t.items.every((i) => quantities.get(i.sku) === i.quantity) &&
    t.shipTo.name === req.shipTo.name &&
    t.shipTo.address === req.shipTo.address &&
    t.payment.method === req.payment.method
  )
}

function sumBySku(items: PlaceOrderRequest['items']): Map<string, number> {
  const out = new Map<string, number>()
  for (const { sku, quantity } of items) {
    out.set(sku, (out.get(sku) ?? 0) + quantity)
  }
  return out
}

function priceAndReserve(store: ShopStore, quantities: Map<string, number>) {
  const items: Trading['items'] = []
  const stock: StockLevel[] = []
  let currency: string | null = null
  let mixed = false
  for (const [sku, quantity] of quantities) {
    const product = store.state.catalog.get(sku)
    if (product == null) {
      throw new ShopError('unknown_product', `no product with SKU ${sku}`)
    }
    if (product.stock < quantity) {
      throw new ShopError(
        'out_of_stock',
        `only ${product.stock} of ${product.name} left, ${quantity} asked`,
      )
    }
    if (currency == null) currency = product.currency
    else if (product.currency !== currency) mixed = true
    items.push({
      sku,
      name: product.name,
      quantity,
      unitPriceMinor: product.priceMinor,
    })
    stock.push({ sku, stock: product.stock - quantity })
  }
  if (currency == null || mixed) {
    throw new ShopError(
      'invalid_request',
      'one order is priced in one currency; split it by currency',
    )
  }
  return { items, stock, currency }
}
