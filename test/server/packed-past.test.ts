import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  DELIVERY_STATUSES,
  ORDER_STATUSES,
  PAYMENT_STATUSES,
  type Processing,
  type Trading,
} from '../../shared/protocol/index.js'
import { PackedTrade } from '../../server/store/records.js'
import {
  appendPast,
  packPast,
  unpackPast,
} from '../../server/store/packed-past.js'
import { TradeRecord } from '../../server/store/trade-record.js'

const OWNER = { tradingId: 'T-01JEXAMPKE0000000000000000', contentsDigest: 'ab'.repeat(32) }

const time = fc.oneof(
  // as the shop writes them
  fc.integer({ min: 0, max: 4_102_444_800_000 }).map((ms) => new Date(ms).toISOString()),
  // valid elsewhere, and kept exactly as written
  fc.constantFrom('2026-12-04T10:00:00Z', '2026-12-04T11:00:00.5+01:00', '1969-12-31T23:59:59.999Z'),
)
const text = fc.string({ maxLength: 20 })
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined })

const processing: fc.Arbitrary<Processing> = fc.record({
  tradingId: fc.oneof(fc.constant(OWNER.tradingId), fc.constant('T-OTHER')),
  order: fc.constantFrom(...ORDER_STATUSES),
  delivery: fc.constantFrom(...DELIVERY_STATUSES),
  carrier: maybe(fc.oneof(fc.constant('DHL'), text)),
  trackingNo: maybe(fc.oneof(fc.constant('JD0146'), text)),
  payment: fc.constantFrom(...PAYMENT_STATUSES),
  updatedAt: time,
  contentsDigest: fc.oneof(fc.constant(OWNER.contentsDigest), fc.constant('cd'.repeat(32))),
  note: maybe(text),
  cause: maybe(fc.constantFrom('rule:capture_on_ship', 'sim:carrier', '[],"\\')),
}).map((r) => {
  const p: Processing = {
    tradingId: r.tradingId,
    order: { status: r.order },
    delivery: { status: r.delivery },
    payment: { status: r.payment },
    updatedAt: r.updatedAt,
    contentsDigest: r.contentsDigest,
  }
  if (r.carrier !== undefined) p.delivery.carrier = r.carrier
  if (r.trackingNo !== undefined) p.delivery.trackingNo = r.trackingNo
  if (r.note !== undefined) p.note = r.note
  if (r.cause !== undefined) p.cause = r.cause
  return p
})

describe('a packed past', () => {
  it('unpacks to exactly the processing informations packed, field for field', () => {
    fc.assert(
      fc.property(fc.array(processing, { minLength: 1, maxLength: 12 }), (entries) => {
        const unpacked = unpackPast(packPast(entries, OWNER), OWNER)

        expect(unpacked).toStrictEqual(entries)
        expect(JSON.stringify(unpacked)).toBe(JSON.stringify(entries))
      }),
      { numRuns: 2000 },
    )
  })

  it('is the same whether packed at once or one entry at a time', () => {
    fc.assert(
      fc.property(fc.array(processing, { minLength: 1, maxLength: 12 }), (entries) => {
        let past: string | null = null
        entries.forEach((p, i) => {
          past = appendPast(past, p, entries[i - 1], OWNER)
        })

        expect(past).toBe(packPast(entries, OWNER))
      }),
      { numRuns: 500 },
    )
  })

  it('holds a complete trade in a fraction of its JSON', () => {
    const moves: [keyof typeof TRACK, string][] = [
      ['order', 'in_preparation'], ['payment', 'authorized'], ['order', 'ready'],
      ['delivery', 'shipped'], ['delivery', 'in_transit'], ['payment', 'captured'],
      ['delivery', 'delivered'],
    ]
    const entries = [first()]
    for (const [k, [track, to]] of moves.entries()) {
      const p = structuredClone(entries.at(-1)!)
      ;(p[track] as { status: string }).status = to
      if (to === 'shipped') Object.assign(p.delivery, { carrier: 'DHL', trackingNo: 'JD0146' })
      p.updatedAt = new Date(Date.UTC(2026, 11, 1, k + 1)).toISOString()
      entries.push(p)
    }

    const packed = packPast(entries, OWNER)

    expect(packed.length).toBeLessThan(JSON.stringify(entries).length / 8)
  })

  it('refuses a status it has no code for, rather than losing it', () => {
    const odd = { ...first(), order: { status: 'lost' } } as unknown as Processing

    expect(() => packPast([odd], OWNER)).toThrow(/cannot pack the status lost/)
  })
})

describe('a trade record', () => {
  it('moves, replays and undoes through its packed past', () => {
    fc.assert(
      fc.property(fc.array(processing, { minLength: 2, maxLength: 10 }), (entries) => {
        const record = TradeRecord.from({ trading: trading(), history: [entries[0]!] }, 0)
        const undos = entries.slice(1).map((p, i) => record.set(i + 1, p))

        expect(record.history()).toStrictEqual(entries)
        const last = entries.at(-1)!
        expect(record.statuses()).toStrictEqual({
          order: last.order.status, delivery: last.delivery.status, payment: last.payment.status,
        })
        expect(record.length).toBe(entries.length)
        entries.forEach((p, i) => expect(record.at(i)).toStrictEqual(p))
        const reloaded = TradeRecord.from(JSON.parse(JSON.stringify(record)), 0)
        expect(reloaded.history()).toStrictEqual(entries)
        expect(PackedTrade.safeParse(JSON.parse(JSON.stringify(record))).success).toBe(true)

        for (const undo of undos.toReversed()) undo()
        expect(record.history()).toStrictEqual([entries[0]])
      }),
      { numRuns: 300 },
    )
  })

  it('sets an earlier entry again, as a replayed record does', () => {
    const a = first()
    const b = { ...a, order: { status: 'in_preparation' as const } }
    const c = { ...b, payment: { status: 'authorized' as const } }
    const record = TradeRecord.from({ trading: trading(), history: [a, b, c] }, 0)

    const undo = record.set(1, { ...b, note: 'again' })

    expect(record.at(1)).toStrictEqual({ ...b, note: 'again' })
    expect(record.history()).toHaveLength(3)
    undo()
    expect(record.history()).toStrictEqual([a, b, c])
  })
})

const TRACK = { order: 0, delivery: 0, payment: 0 }

function first(): Processing {
  return {
    tradingId: OWNER.tradingId,
    order: { status: 'accepted' },
    delivery: { status: 'pending' },
    payment: { status: 'pending' },
    updatedAt: '2026-12-01T00:00:00.000Z',
    contentsDigest: OWNER.contentsDigest,
  }
}

function trading(): Trading {
  return {
    tradingId: OWNER.tradingId,
    buyerId: 'B-01JEXAMPKE0000000000000000',
    placedAt: '2026-12-01T00:00:00.000Z',
    items: [{ sku: 'MUG-STONE', name: 'Stoneware mug', quantity: 1, unitPriceMinor: 1200 }],
    totalMinor: 1200,
    currency: 'EUR',
    shipTo: { name: 'Ada', address: '1 Test Street' },
    payment: { method: 'card' },
  }
}
