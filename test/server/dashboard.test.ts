import { describe, expect, it } from 'vitest'
import { contentsDigest, type Processing, type Trading } from '../../shared/protocol/index.js'
import { DEFAULT_SHOP_SETTINGS } from '../../shared/protocol/settings.js'
import { needsAttention, sinceOf } from '../../server/shop/attention.js'
import { dashboard } from '../../server/shop/dashboard.js'
import { TradeRecord } from '../../server/store/trade-record.js'

const NOW = Date.parse('2026-12-03T12:00:00.000Z')
const HOUR = 3600_000

function trade(id: number, placedAt: string, steps: Array<[string, string, string, number]>) {
  const trading: Trading = {
    tradingId: `T-01ARZ3NDEKTSV4RRFFQ69G5F${String(id).padStart(2, '0')}`,
    buyerId: 'B-01ARZ3NDEKTSV4RRFFQ69G5FAV',
    placedAt,
    items: [{ sku: 'MUG', name: 'Mug', quantity: 2, unitPriceMinor: 1000 }],
    totalMinor: 2000,
    currency: 'EUR',
    shipTo: { name: 'A', address: 'B' },
    payment: { method: 'card' },
  }
  const history = steps.map(([order, delivery, payment, hoursAgo]) => ({
    tradingId: trading.tradingId,
    order: { status: order },
    delivery: { status: delivery },
    payment: { status: payment },
    updatedAt: new Date(NOW - hoursAgo * HOUR).toISOString(),
    contentsDigest: contentsDigest(trading),
  })) as Processing[]
  return { trading, history }
}

describe('attention', () => {
  it('measures a track from the first update that showed its status', () => {
    const t = trade(1, '2026-12-01T00:00:00.000Z', [
      ['accepted', 'pending', 'pending', 50],
      ['accepted', 'pending', 'authorized', 10],
    ])
    expect(sinceOf(t.history, 'order')).toBe(NOW - 50 * HOUR)
    expect(sinceOf(t.history, 'payment')).toBe(NOW - 10 * HOUR)
  })

  it.each([
    ['an order accepted 25 hours ago', [['accepted', 'pending', 'pending', 25]], true],
    ['an order accepted 2 hours ago', [['accepted', 'pending', 'pending', 2]], false],
    ['a complete trade, however old', [['completed', 'delivered', 'captured', 500]], false],
    ['a closed trade', [['cancelled', 'cancelled', 'voided', 500]], false],
  ] as const)('flags %s: %s', (_what, steps, flagged) => {
    const t = trade(2, '2026-12-01T00:00:00.000Z', steps as never)
    expect(needsAttention(t.history, DEFAULT_SHOP_SETTINGS, NOW)).toBe(flagged)
  })
})

describe('dashboard', () => {
  it('adds up orders and revenue per day, states and top products', () => {
    const trades = [
      trade(1, '2026-12-03T09:00:00.000Z', [['completed', 'delivered', 'captured', 1]]),
      trade(2, '2026-12-03T10:00:00.000Z', [['accepted', 'pending', 'pending', 30]]),
      trade(3, '2026-12-01T10:00:00.000Z', [['cancelled', 'cancelled', 'voided', 40]]),
    ]
    const products = [
      { sku: 'MUG', name: 'Mug', priceMinor: 1000, currency: 'EUR', stock: 3 },
      { sku: 'TEA', name: 'Tea', priceMinor: 500, currency: 'EUR', stock: 50 },
    ]

    const d = dashboard(trades.map((t) => TradeRecord.from(t, 0)), products, DEFAULT_SHOP_SETTINGS, 7, NOW, 'UTC')

    expect(d.perDay).toHaveLength(7)
    expect(d.perDay.at(-1)).toEqual({ day: '2026-12-03', orders: 2, revenueMinor: 4000 })
    expect(d.perDay.find((x) => x.day === '2026-12-01')).toEqual({ day: '2026-12-01', orders: 0, revenueMinor: 0 })
    expect(d.states).toEqual({ open: 1, complete: 1, closed: 1 })
    expect(d.byStatus.order).toEqual({ completed: 1, accepted: 1, cancelled: 1 })
    expect(d.topProducts).toEqual([{ sku: 'MUG', name: 'Mug', quantity: 4, revenueMinor: 4000 }])
    expect(d.lowStock).toEqual([{ sku: 'MUG', name: 'Mug', stock: 3, threshold: 5 }])
    expect(d.needsAttention).toBe(1)
  })

  it.each([
    // placed at, the shop's time zone, the day it counts for
    ['2026-12-03T03:00:00.000Z', 'America/New_York', '2026-12-02'],
    ['2026-12-02T20:00:00.000Z', 'Asia/Tokyo', '2026-12-03'],
    ['2026-12-02T23:30:00.000Z', 'Europe/Berlin', '2026-12-03'],
    ['2026-12-02T23:30:00.000Z', 'UTC', '2026-12-02'],
  ])('counts an order placed at %s on the calendar day of %s', (placedAt, zone, day) => {
    const t = trade(1, placedAt, [['accepted', 'pending', 'pending', 0]])

    const d = dashboard([TradeRecord.from(t, 0)], [], DEFAULT_SHOP_SETTINGS, 7, NOW, zone)

    expect(d.timeZone).toBe(zone)
    expect(d.perDay.filter((x) => x.orders > 0).map((x) => x.day)).toEqual([day])
  })

  it('gives each calendar day once across a change of the clocks', () => {
    // Berlin's clocks went forward on 29 March 2026 and back on 25 October
    for (const now of [Date.parse('2026-03-31T12:00:00Z'), Date.parse('2026-10-27T12:00:00Z')]) {
      const d = dashboard([], [], DEFAULT_SHOP_SETTINGS, 7, now, 'Europe/Berlin')
      const days = d.perDay.map((x) => x.day)
      const month = new Date(now).toISOString().slice(0, 8)
      const today = Number(new Date(now).toISOString().slice(8, 10))
      expect(days).toEqual(Array.from({ length: 7 }, (_, k) => `${month}${String(today - 6 + k).padStart(2, '0')}`))
    }
  })
})
