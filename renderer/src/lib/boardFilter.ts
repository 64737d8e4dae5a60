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

// Placing times are ISO timestamps and trading IDs ULIDs, each of one
// fixed format, so comparing their characters orders them in time (and
// costs far less than localeCompare over ten thousand trades).
const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

export function newestFirst(a: MerchantTrade, b: MerchantTrade): number {
  return byCode(b.trading.placedAt, a.trading.placedAt) ||
    byCode(b.trading.tradingId, a.trading.tradingId)
}

// A copy of the sorted `trades` with `trade` in its place, found by
// binary search: a new trade is usually the newest, first in the list.
export function insertSorted(trades: readonly MerchantTrade[], trade: MerchantTrade): MerchantTrade[] {
  let lo = 0
  let hi = trades.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (newestFirst(trades[mid]!, trade) <= 0) lo = mid + 1
    else hi = mid
  }
  return [...trades.slice(0, lo), trade, ...trades.slice(lo)]
}

// Whether two copies of a trade stand at the same point: a trade only
// changes by adding a processing information to its history.
function sameVersion(a: MerchantTrade, b: MerchantTrade): boolean {
  const [p, q] = [a.processing, b.processing]
  return a.history.length === b.history.length && p.updatedAt === q.updatedAt &&
    p.order.status === q.order.status && p.delivery.status === q.delivery.status &&
    p.payment.status === q.payment.status
}

// The trades just fetched, sorted, with the objects already held kept for
// every trade that has not changed, so that the rows and the work keyed on
// a trade's object are not done again; when nothing changed, the list held
// is returned as it is. `changed`: trades that events added or moved while
// the fetch was on its way; the held copy wins when it is further on, and
// is kept when the answer predates it.
export function mergeFetched(
  held: readonly MerchantTrade[],
  fetched: readonly MerchantTrade[],
  changed: ReadonlySet<string> = new Set(),
): MerchantTrade[] {
  const byId = new Map<string, MerchantTrade>()
  for (const t of held) byId.set(t.trading.tradingId, t)
  const merged = fetched.map((t) => {
    const known = byId.get(t.trading.tradingId)
    byId.delete(t.trading.tradingId)
    return known != null && (sameVersion(known, t) || known.history.length > t.history.length) ? known : t
  })
  for (const id of changed) {
    const late = byId.get(id)
    if (late != null) merged.push(late)
  }
  merged.sort(newestFirst)
  let same = merged.length === held.length
  for (let i = 0; same && i < merged.length; i++) same = merged[i] === held[i]
  return same ? (held as MerchantTrade[]) : merged
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
