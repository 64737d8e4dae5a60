import { createHash } from 'node:crypto'
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

// SHA-256, lowercase hex, of the canonical JSON of a trade's contents.
export function contentsDigest(t: TradeContents): string {
  const contents = {
    items: t.items.map((i) => ({
      sku: i.sku,
      name: i.name,
      quantity: i.quantity,
      unitPriceMinor: i.unitPriceMinor,
    })),
    totalMinor: t.totalMinor,
    currency: t.currency,
    shipTo: { name: t.shipTo.name, address: t.shipTo.address },
    payment: { method: t.payment.method },
  }
  return createHash('sha256').update(canonicalJson(contents)).digest('hex')
}
