import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Processing } from '../../shared/protocol/index.js'
import type { StoredTrade } from '../../server/store/records.js'
import { SharedValues } from '../../server/store/shared-values.js'

const text = fc.string({ maxLength: 12 })

const status = fc.record(
  { status: fc.constantFrom('pending', 'shipped', '1'), carrier: text, trackingNo: text },
  { requiredKeys: ['status'] },
)

const trade = fc.record({
  trading: fc.record({
    tradingId: fc.constantFrom('T-1', 'T-2'),
    buyerId: fc.constant('B-1'),
    placedAt: text,
    items: fc.array(
      fc.record({
        sku: fc.constantFrom('A', 'B'),
        name: text,
        quantity: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.constant(1)),
        unitPriceMinor: fc.integer({ min: 0, max: 3 }),
      }),
      { maxLength: 3 },
    ),
    totalMinor: fc.integer(),
    currency: fc.constant('EUR'),
    shipTo: fc.record({ name: text, address: text }),
    payment: fc.record({ method: fc.constantFrom('card', 'invoice') }),
  }),
  history: fc.array(
    fc.record({
      tradingId: fc.constantFrom('T-1', 'T-2'),
      order: status, delivery: status, payment: status,
      updatedAt: text, contentsDigest: fc.constantFrom('d1', 'd2'),
    }),
    { minLength: 1, maxLength: 4 },
  ),
}) as unknown as fc.Arbitrary<StoredTrade>

describe('shared values', () => {
  it('never change what a trade says, however alike the trades are', () => {
    fc.assert(
      fc.property(fc.array(trade, { maxLength: 20 }), (trades) => {
        const before = JSON.stringify(trades)
        const shared = new SharedValues()
        for (const t of trades) shared.trade(t)
        expect(JSON.stringify(trades)).toBe(before)
      }),
      { numRuns: 500 },
    )
  })

  it('point equal values at one frozen copy, and keep unequal ones apart', () => {
    const shared = new SharedValues()
    const a = { status: 'shipped', carrier: 'DHL', trackingNo: '1' }
    const b = { status: 'shipped', carrier: 'DHL', trackingNo: '1' }
    const c = { status: 'shipped', carrier: 'DHL', trackingNo: '2' }
    const p = (delivery: object) => ({
      tradingId: 'T-1', order: { status: 'accepted' }, payment: { status: 'pending' },
      delivery, updatedAt: 'now', contentsDigest: 'd',
    }) as Processing
    const pa = p(a)
    const pb = p(b)
    const pc = p(c)
    shared.processing(pa)
    shared.processing(pb)
    shared.processing(pc)
    const delivery = (x: Processing) => x.delivery
    expect(delivery(pa)).toBe(delivery(pb))
    expect(delivery(pc)).not.toBe(delivery(pa))
    expect(Object.isFrozen(delivery(pa))).toBe(true)
    expect(() => {
      ;(delivery(pa) as { status: string }).status = 'delivered'
    }).toThrow(TypeError)
  })

  it('tell a number from the text of the same digits', () => {
    const shared = new SharedValues()
    const item = (unitPriceMinor: unknown) => ({
      trading: {
        tradingId: 'T-1', items: [{ sku: 'A', name: 'n', quantity: 1, unitPriceMinor }],
        shipTo: { name: 'a', address: 'b' }, payment: { method: 'card' },
      },
      history: [],
    }) as unknown as StoredTrade
    const one = item(5)
    const two = item('5')
    shared.trade(one)
    shared.trade(two)
    expect(two.trading.items[0]!.unitPriceMinor).toBe('5')
  })
})
