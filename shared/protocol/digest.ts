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
// as canonicalJson writes it. When every member is a string or a number
// (as in any trade that passed the schemas) the text is written directly,
// keys in canonicalJson's order, which is several times quicker than
// building the object and sorting its keys (that cost a tenth of the
// shop's CPU time per order); anything else takes the generic writer.
// test/protocol/digest.test.ts holds the two to the same text for any
// contents.
export function contentsJson(t: TradeContents): string {
  if (!onlyScalars(t)) return canonicalJson(contentsObject(t))
  let items = ''
  for (let k = 0; k < t.items.length; k++) {
    const i = t.items[k]!
    items += `${k > 0 ? ',' : ''}{"name":${str(i.name)},"quantity":${num(i.quantity)},` +
      `"sku":${str(i.sku)},"unitPriceMinor":${num(i.unitPriceMinor)}}`
  }
  return `{"currency":${str(t.currency)},"items":[${items}],` +
    `"payment":{"method":${str(t.payment.method)}},` +
    `"shipTo":{"address":${str(t.shipTo.address)},"name":${str(t.shipTo.name)}},` +
    `"totalMinor":${num(t.totalMinor)}}`
}

function contentsObject(t: TradeContents) {
  return {
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
}

// Whether every member of the contents is a string or a number, with no
// holes in the list of items (holes and undefined members change what
// canonicalJson writes).
function onlyScalars(t: TradeContents): boolean {
  if (!isText(t.currency) || !isNumber(t.totalMinor) || !Array.isArray(t.items)) return false
  if (!isText(t.payment.method) || !isText(t.shipTo.address) || !isText(t.shipTo.name)) {
    return false
  }
  for (let k = 0; k < t.items.length; k++) {
    if (!(k in t.items)) return false
    const i = t.items[k]!
    if (!isText(i.name) || !isNumber(i.quantity) || !isText(i.sku) || !isNumber(i.unitPriceMinor)) {
      return false
    }
  }
  return true
}

const isText = (v: unknown): v is string => typeof v === 'string'
const isNumber = (v: unknown): v is number => typeof v === 'number'

// Text JSON.stringify writes as it is, between quotes: no quote, backslash,
// control character or UTF-16 surrogate (lone ones are escaped).
const PLAIN = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/

function str(v: string): string {
  return PLAIN.test(v) ? `"${v}"` : JSON.stringify(v)
}

// A number as JSON.stringify writes it.
function num(v: number): string {
  return Number.isFinite(v) ? `${v}` : 'null'
}

// SHA-256, lowercase hex, of the canonical JSON of a trade's contents.
export function contentsDigest(t: TradeContents): string {
  return hash('sha256', contentsJson(t), 'hex')
}
