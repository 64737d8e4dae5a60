import type { Trading } from '../../shared/protocol/index.js'
import { flat } from './flat-text.js'

// A trade's trading information as the shop holds it in memory: one
// string instead of the object, its list of items, an object per item and
// the strings in them. It never changes once the order is placed, and it
// is read when a buyer catches up, the board is listed or an order is
// answered again, so reading it back (about a microsecond) is rare next to
// what holding it as objects costs: the garbage collector visits every
// object of every trade on each full collection, and with a few hundred
// thousand trades in memory those visits were the slowest moments of the
// shop (ack pauses of 300-500 ms in a minute of full intake).
//
// The string is the JSON text of
//   [placedAt, [sku, name, quantity, unitPriceMinor, ...], totalMinor,
//    currency, shipTo.name, shipTo.address, payment.method]
// with placedAt in milliseconds when toISOString writes it back exactly
// (otherwise as written); the trading and buyer IDs are kept by the
// record. A trading information of any other shape (a field more, fields
// in another order) is kept as its own JSON text, which begins with "{".
// Unpacking gives back exactly what was packed, field for field and in
// the same order (tested against arbitrary ones).
export type PackedTrading = string

const TRADING_KEYS = ['tradingId', 'buyerId', 'placedAt', 'items', 'totalMinor', 'currency', 'shipTo', 'payment']
const ITEM_KEYS = ['sku', 'name', 'quantity', 'unitPriceMinor']
const SHIP_TO_KEYS = ['name', 'address']
const PAYMENT_KEYS = ['method']

export function packTrading(t: Trading): PackedTrading {
  if (!plainShape(t)) return flat(JSON.stringify(t))
  const ms = Date.parse(t.placedAt)
  const plainTime = Number.isFinite(ms) && ms >= 0 && new Date(ms).toISOString() === t.placedAt
  const items: (string | number)[] = []
  for (const i of t.items) items.push(i.sku, i.name, i.quantity, i.unitPriceMinor)
  return flat(JSON.stringify([
    plainTime ? ms : t.placedAt,
    items,
    t.totalMinor,
    t.currency,
    t.shipTo.name,
    t.shipTo.address,
    t.payment.method,
  ]))
}

export function unpackTrading(packed: PackedTrading, tradingId: string, buyerId: string): Trading {
  if (packed.charCodeAt(0) === 123 /* { */) return JSON.parse(packed) as Trading
  const [placedAt, lines, totalMinor, currency, name, address, method] =
    JSON.parse(packed) as [number | string, (string | number)[], number, string, string, string, string]
  const items: Trading['items'] = []
  for (let k = 0; k < lines.length; k += 4) {
    items.push({
      sku: lines[k] as string,
      name: lines[k + 1] as string,
      quantity: lines[k + 2] as number,
      unitPriceMinor: lines[k + 3] as number,
    })
  }
  return {
    tradingId,
    buyerId,
    placedAt: typeof placedAt === 'number' ? new Date(placedAt).toISOString() : placedAt,
    items,
    totalMinor,
    currency,
    shipTo: { name, address },
    payment: { method: method as Trading['payment']['method'] },
  }
}

function plainShape(t: Trading): boolean {
  return keysAre(t, TRADING_KEYS) &&
    typeof t.tradingId === 'string' && typeof t.buyerId === 'string' &&
    typeof t.placedAt === 'string' &&
    Array.isArray(t.items) &&
    t.items.every((i) => keysAre(i, ITEM_KEYS)) &&
    keysAre(t.shipTo, SHIP_TO_KEYS) &&
    keysAre(t.payment, PAYMENT_KEYS)
}

// Whether the object's own fields are exactly these, in this order.
function keysAre(value: object, keys: readonly string[]): boolean {
  let k = 0
  for (const name in value) {
    if (name !== keys[k++]) return false
  }
  return k === keys.length
}
