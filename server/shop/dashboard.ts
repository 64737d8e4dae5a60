import type { Dashboard } from '../../shared/contract/operations.js'
import type { Product } from '../../shared/protocol/schemas.js'
import type { ShopSettings } from '../../shared/protocol/settings.js'
import { tradeState } from '../../shared/protocol/trade-state.js'
import type { TradeRecord } from '../store/trade-record.js'
import { needsAttention } from './attention.js'

const DAY_MS = 24 * 3600 * 1000

// The merchant's figures, computed from the trades as they stand: orders
// and revenue per day over the last `days` days, trades by status of each
// track, open against complete and closed, top products, low stock.
export function dashboard(
  trades: Iterable<TradeRecord>,
  products: Iterable<Product>,
  settings: ShopSettings,
  days: number,
  now = Date.now(),
  timeZone = shopTimeZone(),
): Dashboard {
  const calendar = new ShopCalendar(timeZone)
  const perDay = new Map<string, { orders: number; revenueMinor: number }>()
  for (const day of calendar.lastDays(now, days)) perDay.set(day, { orders: 0, revenueMinor: 0 })
  // no calendar day of the period began before this (a day is 25 hours
  // at the most), so older trades are passed over without a date
  const earliest = now - (days + 1) * DAY_MS
  const byStatus = { order: {}, delivery: {}, payment: {} } as Dashboard['byStatus']
  const states = { open: 0, complete: 0, closed: 0 }
  const sold = new Map<string, { sku: string; name: string; quantity: number; revenueMinor: number }>()
  const currencies = new Map<string, number>()
  let attention = 0

  for (const trade of trades) {
    const trading = trade.trading
    const statuses = trade.statuses()
    const state = tradeState(statuses)
    states[state] += 1
    count(byStatus.order, statuses.order)
    count(byStatus.delivery, statuses.delivery)
    count(byStatus.payment, statuses.payment)
    // only an open trade can wait; its history is unpacked only then
    if (state === 'open' && needsAttention(trade.history(), settings, now)) attention += 1
    currencies.set(trading.currency, (currencies.get(trading.currency) ?? 0) + 1)
    if (statuses.order === 'cancelled') continue
    const placed = Date.parse(trading.placedAt)
    const day = placed >= earliest ? perDay.get(calendar.dayOf(placed)) : undefined
    if (day != null) {
      day.orders += 1
      day.revenueMinor += trading.totalMinor
    }
    for (const item of trading.items) {
      const s = sold.get(item.sku) ?? { sku: item.sku, name: item.name, quantity: 0, revenueMinor: 0 }
      s.quantity += item.quantity
      s.revenueMinor += item.quantity * item.unitPriceMinor
      sold.set(item.sku, s)
    }
  }

  return {
    currency: [...currencies].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'EUR',
    perDay: [...perDay].map(([day, f]) => ({ day, ...f })),
    byStatus,
    states,
    topProducts: [...sold.values()].sort((a, b) => b.revenueMinor - a.revenueMinor).slice(0, 10),
    lowStock: lowStock(products, settings),
    needsAttention: attention,
    timeZone,
  }
}

export function lowStock(products: Iterable<Product>, settings: ShopSettings) {
  const out: Dashboard['lowStock'] = []
  for (const p of products) {
    const threshold = settings.lowStock.perSku[p.sku] ?? settings.lowStock.threshold
    if (p.stock <= threshold) out.push({ sku: p.sku, name: p.name, stock: p.stock, threshold })
  }
  return out.sort((a, b) => a.stock - b.stock)
}

function count(map: Record<string, number>, key: string): void {
  map[key] = (map[key] ?? 0) + 1
}

// The time zone of the computer the shop runs on: a small merchant runs it
// on their own, so its days are the merchant's.
export function shopTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone
}

// Calendar days ("2026-12-04") in one time zone: a day is whatever the
// clock on the wall says, 23 or 25 hours long when the clocks change.
class ShopCalendar {
  readonly #format: Intl.DateTimeFormat

  constructor(readonly timeZone: string) {
    this.#format = new Intl.DateTimeFormat('en-US', {
      timeZone, year: 'numeric', month: '2-digit', day: '2-digit',
    })
  }

  dayOf(ms: number): string {
    let y = ''
    let m = ''
    let d = ''
    for (const part of this.#format.formatToParts(ms)) {
      if (part.type === 'year') y = part.value
      else if (part.type === 'month') m = part.value
      else if (part.type === 'day') d = part.value
    }
    return `${y.padStart(4, '0')}-${m}-${d}`
  }

  // The `count` days that end with the day of `now`, oldest first.
  lastDays(now: number, count: number): string[] {
    const [y, m, d] = this.dayOf(now).split('-').map(Number) as [number, number, number]
    const out: string[] = []
    for (let k = count - 1; k >= 0; k--) {
      out.push(new Date(Date.UTC(y, m - 1, d - k)).toISOString().slice(0, 10))
    }
    return out
  }
}
