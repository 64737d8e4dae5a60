import {
  DELIVERY_STATUSES,
  ORDER_STATUSES,
  PAYMENT_STATUSES,
  type Processing,
  type TrackStatus,
} from '../../shared/protocol/index.js'
import { flat } from './flat-text.js'

// A trade's earlier processing informations, packed into one string: the
// JSON text of an array with one entry each. A complete trade has eight or
// nine of them, and as objects (each with its own time string) they were
// two thirds of a shop's memory and of its files; packed, an entry is a
// dozen characters, and the garbage collector walks one string instead of
// a dozen objects. Earlier entries are read rarely (a trade's timeline, a
// feed catch-up, a checkpoint), so they are unpacked when read.
//
// An entry is the string "ODPt": O, D and P the index of each status in
// its list of statuses, t the time in milliseconds in base 36, or, when
// anything else differs from the plain case, [ "ODPt", extras ] with
//   c, k  the delivery's carrier and tracking number, only where they
//         differ from the entry before (null: no longer there);
//   n, s  the note and the cause;
//   u     the time as written, when it is not what toISOString writes
//         (t is then empty);
//   i, g  the trading ID and contents digest, when they are not the
//         trade's own.
// Unpacking gives back exactly the processing informations packed, field
// for field (tested against arbitrary ones).
export type PackedPast = string

// What entries usually share with their trade.
export interface PastOwner {
  tradingId: string
  contentsDigest: string
}

interface Extras {
  c?: string | null
  k?: string | null
  n?: string
  s?: string
  u?: string
  i?: string
  g?: string
}

type Entry = string | [string, Extras]

export function packPast(entries: readonly Processing[], owner: PastOwner): PackedPast {
  let text = '['
  let before: Processing | undefined
  for (const p of entries) {
    if (text.length > 1) text += ','
    text += JSON.stringify(packEntry(p, before, owner))
    before = p
  }
  return flat(`${text}]`)
}

// One processing information alone, packed as a past of one entry
// (what packPast writes for it), in one flat string.
export function packOne(p: Processing, owner: PastOwner): PackedPast {
  return flat(JSON.stringify([packEntry(p, undefined, owner)]))
}

// `past` with one more entry at its end; `last` is the entry before it.
export function appendPast(
  past: PackedPast | null,
  p: Processing,
  last: Processing | undefined,
  owner: PastOwner,
): PackedPast {
  const entry = JSON.stringify(packEntry(p, last, owner))
  return flat(past == null ? `[${entry}]` : `${past.slice(0, -1)},${entry}]`)
}

export function unpackPast(past: PackedPast, owner: PastOwner): Processing[] {
  const entries = JSON.parse(past) as Entry[]
  const out: Processing[] = []
  let before: Processing | undefined
  for (const e of entries) {
    before = unpackEntry(e, before, owner)
    out.push(before)
  }
  return out
}

// The three statuses of a past's first entry (a packed present), read
// from its first characters without unpacking it.
export function firstStatuses(past: PackedPast): TrackStatus {
  const at = past.indexOf('"') + 1
  const head = past.slice(at, at + 3)
  return {
    order: statusAt(ORDER_STATUSES, head, 0),
    delivery: statusAt(DELIVERY_STATUSES, head, 1),
    payment: statusAt(PAYMENT_STATUSES, head, 2),
  }
}

// How many entries a packed past holds, without unpacking it.
export function pastLength(past: PackedPast | null): number {
  if (past == null) return 0
  return (JSON.parse(past) as Entry[]).length
}

const CODE = '0123456789'

function code(list: readonly string[], status: string): string {
  const i = list.indexOf(status)
  if (i < 0) throw new Error(`[store] cannot pack the status ${status}`)
  return CODE[i]!
}

function packEntry(p: Processing, before: Processing | undefined, owner: PastOwner): Entry {
  const x: Extras = {}
  let extras = false
  const ms = Date.parse(p.updatedAt)
  const plainTime = Number.isFinite(ms) && ms >= 0 && new Date(ms).toISOString() === p.updatedAt
  const head = code(ORDER_STATUSES, p.order.status) +
    code(DELIVERY_STATUSES, p.delivery.status) +
    code(PAYMENT_STATUSES, p.payment.status) +
    (plainTime ? ms.toString(36) : '')
  if (!plainTime) (x.u = p.updatedAt, extras = true)
  if (p.delivery.carrier !== before?.delivery.carrier) {
    x.c = p.delivery.carrier ?? null
    extras = true
  }
  if (p.delivery.trackingNo !== before?.delivery.trackingNo) {
    x.k = p.delivery.trackingNo ?? null
    extras = true
  }
  if (p.note !== undefined) (x.n = p.note, extras = true)
  if (p.cause !== undefined) (x.s = p.cause, extras = true)
  if (p.tradingId !== owner.tradingId) (x.i = p.tradingId, extras = true)
  if (p.contentsDigest !== owner.contentsDigest) (x.g = p.contentsDigest, extras = true)
  const known = Object.keys(p).every((k) => FIELDS.has(k)) &&
    Object.keys(p.delivery).every((k) => DELIVERY_FIELDS.has(k)) &&
    Object.keys(p.order).length === 1 && Object.keys(p.payment).length === 1
  if (!known) throw new Error('[store] cannot pack a processing information with unknown fields')
  return extras ? [head, x] : head
}

const FIELDS = new Set([
  'tradingId', 'order', 'delivery', 'payment', 'updatedAt', 'note', 'cause', 'contentsDigest',
])
const DELIVERY_FIELDS = new Set(['status', 'carrier', 'trackingNo'])

function unpackEntry(e: Entry, before: Processing | undefined, owner: PastOwner): Processing {
  const [head, x] = typeof e === 'string' ? [e, {} as Extras] : e
  const delivery: Processing['delivery'] = { status: statusAt(DELIVERY_STATUSES, head, 1) }
  const carrier = x.c === undefined ? before?.delivery.carrier : x.c ?? undefined
  const trackingNo = x.k === undefined ? before?.delivery.trackingNo : x.k ?? undefined
  if (carrier !== undefined) delivery.carrier = carrier
  if (trackingNo !== undefined) delivery.trackingNo = trackingNo
  const p: Processing = {
    tradingId: x.i ?? owner.tradingId,
    order: { status: statusAt(ORDER_STATUSES, head, 0) },
    delivery,
    payment: { status: statusAt(PAYMENT_STATUSES, head, 2) },
    updatedAt: x.u ?? new Date(parseInt(head.slice(3), 36)).toISOString(),
    contentsDigest: x.g ?? owner.contentsDigest,
  }
  if (x.n !== undefined) p.note = x.n
  if (x.s !== undefined) p.cause = x.s
  return p
}

function statusAt<T extends string>(list: readonly T[], head: string, at: number): T {
  const status = list[head.charCodeAt(at) - 48]
  if (status === undefined) throw new Error('[store] a packed past entry is damaged')
  return status
}
