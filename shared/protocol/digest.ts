import { hash } from 'node:crypto'
import type { Trading } from './schemas.js'

// The canonical JSON of a value: object keys sorted by code unit, no
// whitespace, undefined members left out, strings and numbers as
// JSON.stringify writes them. Any client can rebuild it byte for byte.
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map((v) => canonicalJson(v ?? null)).join(',')}]`
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`)
    return `{${entries.join(',')}}`
  }
  return JSON.stringify(value)
}

export type TradeContents = Pick<
  Trading,
  'items' | 'totalMinor' | 'currency' | 'shipTo' | 'payment'
>

// The canonical JSON of a trade's contents, the object
//   {items: [{sku, name, quantity, unitPriceMinor}], totalMinor, currency,
//    shipTo: {name, address}, payment: {method}}
// as canonicalJson writes it. The object is built with its keys already in
// canonicalJson's order, so that when every value in it is a string or a
// number (as in any trade that passed the schemas) JSON.stringify writes
// the same text without the generic writer's copying and sorting, which
// cost about a tenth of the shop's CPU time per order. Anything else takes
// the generic writer. test/protocol/digest.test.ts holds the two to the
// same text.
export function contentsJson(t: TradeContents): string {
  const contents = {
    currency: t.currency,
    items: t.items.map((i) => ({
      name: i.name,
      quantity: i.quantity,
      sku: i.sku,
      unitPriceMinor: i.unitPriceMinor,
    })),
    payment: { method: t.payment.method },
    shipTo: { address: t.shipTo.address, name: t.shipTo.name },
    totalMinor: t.totalMinor,
  }
  return onlyScalars(contents) ? JSON.stringify(contents) : canonicalJson(contents)
}

interface Contents {
  currency: unknown
  items: Array<Record<string, unknown> | undefined>
  payment: { method: unknown }
  shipTo: { address: unknown; name: unknown }
  totalMinor: unknown
}

// Whether JSON.stringify writes `c` as canonicalJson does: every member a
// string, a number or undefined, and no holes in the list of items (where
// the two writers differ, as they do on objects with toJSON or on
// functions).
function onlyScalars(c: Contents): boolean {
  if (!scalar(c.currency) || !scalar(c.totalMinor)) return false
  if (!scalar(c.payment.method) || !scalar(c.shipTo.address) || !scalar(c.shipTo.name)) return false
  for (let k = 0; k < c.items.length; k++) {
    const i = c.items[k]
    if (i === undefined) return false
    if (!scalar(i.name) || !scalar(i.quantity) || !scalar(i.sku) || !scalar(i.unitPriceMinor)) return false
  }
  return true
}

function scalar(v: unknown): boolean {
  return typeof v === 'string' || typeof v === 'number' || v === undefined
}

// SHA-256, lowercase hex, of the canonical JSON of a trade's contents.
export function contentsDigest(t: TradeContents): string {
  return hash('sha256', contentsJson(t), 'hex')
}
