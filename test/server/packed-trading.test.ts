import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { PAYMENT_METHODS, type Processing, type Trading } from '../../shared/protocol/index.js'
import { packTrading, unpackTrading } from '../../server/store/packed-trading.js'
import { TradeRecord } from '../../server/store/trade-record.js'

const ID = 'T-01JEXAMPKE0000000000000000'
const BUYER = 'B-01JEXAMPKE0000000000000000'

const time = fc.oneof(
  fc.integer({ min: 0, max: 4_102_444_800_000 }).map((ms) => new Date(ms).toISOString()),
  fc.constantFrom('2026-12-04T10:00:00Z', '2026-12-04T11:00:00.5+01:00', '1969-12-31T23:59:59.999Z'),
)
const text = fc.string({ maxLength: 24 })

const trading: fc.Arbitrary<Trading> = fc.record({
  tradingId: fc.constant(ID),
  buyerId: fc.constant(BUYER),
  placedAt: time,
  items: fc.array(
    fc.record({
      sku: fc.oneof(fc.constant('MUG-STONE'), text),
      name: text,
      quantity: fc.integer({ min: 1, max: 999 }),
      unitPriceMinor: fc.integer({ min: 0, max: 10_000_000 }),
    }),
    { minLength: 1, maxLength: 5 },
  ),
  totalMinor: fc.integer({ min: 0, max: 2 ** 40 }),
  currency: fc.constantFrom('EUR', 'USD', '"[]\\'),
  shipTo: fc.record({ name: text, address: text }),
  payment: fc.record({ method: fc.constantFrom(...PAYMENT_METHODS) }),
  // plain objects, as a trade arrives from JSON
}).map((t) => JSON.parse(JSON.stringify(t)) as Trading)

describe('a packed trading information', () => {
  it('unpacks to exactly what was packed, field for field and in the same order', () => {
    fc.assert(
      fc.property(trading, (t) => {
        const packed = packTrading(t)
        const back = unpackTrading(packed, ID, BUYER)

        expect(back).toStrictEqual(t)
        expect(JSON.stringify(back)).toBe(JSON.stringify(t))
        expect(packed.startsWith('[')).toBe(true)
      }),
      { numRuns: 2000 },
    )
  })

  it('keeps a trading information of another shape as its own JSON', () => {
    const base = fc.sample(trading, 1)[0]!
    const { buyerId, ...rest } = base
    const odd = [
      { ...base, note: 'one field more' },
      { ...rest, buyerId },
      { ...base, items: [{ ...base.items[0]!, colour: 'blue' }] },
      { ...base, shipTo: { ...base.shipTo, floor: 3 } },
    ] as unknown as Trading[]
    for (const t of odd) {
      const packed = packTrading(t)
      expect(packed.startsWith('{')).toBe(true)
      expect(JSON.stringify(unpackTrading(packed, ID, BUYER))).toBe(JSON.stringify(t))
    }
  })

  it('is a fraction of the JSON of the object it stands for', () => {
    const t = fc.sample(trading, 1)[0]!
    const plain: Trading = {
      ...t,
      items: [{ sku: 'MUG-STONE', name: 'Stoneware mug', quantity: 2, unitPriceMinor: 1200 }],
      shipTo: { name: 'Ada Lovelace', address: '12 Market Street, Springfield' },
    }
    expect(packTrading(plain).length).toBeLessThan(JSON.stringify(plain).length * 0.6)
  })

  it('comes back from a trade record as the trade was placed, each read a new object', () => {
    const t = fc.sample(trading, 1)[0]!
    const present = {
      tradingId: ID,
      order: { status: 'accepted' as const },
      delivery: { status: 'pending' as const },
      payment: { status: 'pending' as const },
      updatedAt: t.placedAt,
      contentsDigest: 'ab'.repeat(32),
    }
    const record = TradeRecord.from({ trading: t, history: [present] }, 0)

    expect(record.trading).toStrictEqual(t)
    expect(record.present).toStrictEqual(present)
    expect(record.trading).not.toBe(record.trading)
    expect(record.buyerId).toBe(BUYER)
  })

  it('keeps a present processing information it has no code for as it came', () => {
    const t = fc.sample(trading, 1)[0]!
    const odd = {
      tradingId: ID,
      order: { status: 'accepted' },
      delivery: { status: 'pending' },
      payment: { status: 'pending' },
      updatedAt: t.placedAt,
      contentsDigest: 'ab'.repeat(32),
      extra: 'a field a later version might add',
    } as unknown as Processing
    const record = TradeRecord.from({ trading: t, present: odd }, 0)

    expect(JSON.stringify(record.present)).toBe(JSON.stringify(odd))
    expect(record.statuses()).toStrictEqual({ order: 'accepted', delivery: 'pending', payment: 'pending' })
  })
})
