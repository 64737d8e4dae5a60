import type { MerchantTrade } from '../../../shared/protocol/events.js'
import type { Track } from '../../../shared/protocol/statuses.js'
import { tradeState, type TradeState } from '../../../shared/protocol/trade-state.js'
import { statusesOf } from './moves.js'

// Filtering and ordering of the merchant's order board; plain functions.

export interface BoardFilters {
  state: TradeState | 'all'
  order: string
  delivery: string
  payment: string
  query: string
  // Only trades waiting longer than their track's threshold.
  attention: boolean
}

export const ANY = 'any'

export const NO_FILTERS: BoardFilters = {
  state: 'all',
  order: ANY,
  delivery: ANY,
  payment: ANY,
  query: '',
  attention: false,
}

export function newestFirst(a: MerchantTrade, b: MerchantTrade): number {
  return b.trading.placedAt.localeCompare(a.trading.placedAt) ||
    b.trading.tradingId.localeCompare(a.trading.tradingId)
}

function matchesQuery(trade: MerchantTrade, needle: string): boolean {
  const t = trade.trading
  return t.tradingId.toLowerCase().includes(needle) ||
    t.buyerId.toLowerCase().includes(needle) ||
    t.shipTo.name.toLowerCase().includes(needle)
}

export function filterTrades(
  sorted: readonly MerchantTrade[],
  f: BoardFilters,
  overdue: ReadonlyMap<string, unknown> = new Map(),
): MerchantTrade[] {
  const needle = f.query.trim().toLowerCase()
  const tracks: [Track, string][] = [
    ['order', f.order],
    ['delivery', f.delivery],
    ['payment', f.payment],
  ]
  const wanted = tracks.filter(([, status]) => status !== ANY)
  return sorted.filter((trade) => {
    if (f.attention && !overdue.has(trade.trading.tradingId)) return false
    const present = statusesOf(trade.processing)
    if (f.state !== 'all' && tradeState(present) !== f.state) return false
    if (wanted.some(([track, status]) => present[track] !== status)) return false
    return needle === '' || matchesQuery(trade, needle)
  })
}

export function isFiltered(f: BoardFilters): boolean {
  return f.state !== 'all' || f.order !== ANY || f.delivery !== ANY ||
    f.payment !== ANY || f.query.trim() !== '' || f.attention
}
