import type { MerchantTrade } from '../../../shared/protocol/events.js'
import type { Processing } from '../../../shared/protocol/schemas.js'
import type { ShopSettings } from '../../../shared/protocol/settings.js'
import { TRACKS, type Track, type TrackStatus } from '../../../shared/protocol/statuses.js'
import { tradeState } from '../../../shared/protocol/trade-state.js'
import { hasMove, statusesOf } from './moves.js'

// Which trades wait too long for the merchant: a track of an open trade
// waits while the merchant still has a step to take on it, and needs
// attention once it has waited longer than the shop's threshold for that
// track. Plain functions; the board, the nav badge and the window title
// all read the one result computed from the board's trades.

export interface Waiting {
  track: Track
  // Since when the track has been in its present status (ms since epoch).
  since: number
}

// Statuses at the end of a trade's ordinary course: a further move from
// them (return, refund) is a reversal, not a step the trade waits for.
const COURSE_END: Record<Track, string> = {
  order: 'completed',
  delivery: 'delivered',
  payment: 'captured',
}

// The start of the unbroken run of processing information, newest back,
// in which `track` shows its present status.
export function sinceOf(history: readonly Processing[], present: Processing, track: Track): number {
  let since = Date.parse(present.updatedAt)
  for (let i = history.length - 1; i >= 0; i--) {
    const p = history[i]
    if (p == null || p[track].status !== present[track].status) break
    since = Math.min(since, Date.parse(p.updatedAt))
  }
  return since
}

function waits(statuses: TrackStatus, track: Track): boolean {
  const cancelled = statuses.order === 'cancelled'
  if (!cancelled && statuses[track] === COURSE_END[track]) return false
  return hasMove(statuses, track)
}

// The tracks of a trade that wait for the merchant, and since when. That
// depends on the trade alone (not on the time or the thresholds), so it is
// worked out once per trade object: the board replaces a trade's object
// when it moves, and keeps it otherwise.
const waitingOf = new WeakMap<MerchantTrade, Waiting[]>()

function waitingTracks(trade: MerchantTrade): Waiting[] {
  let found = waitingOf.get(trade)
  if (found == null) {
    found = []
    const present = trade.processing
    const statuses = statusesOf(present)
    if (tradeState(statuses) === 'open') {
      for (const track of TRACKS) {
        if (waits(statuses, track)) found.push({ track, since: sinceOf(trade.history, present, track) })
      }
    }
    waitingOf.set(trade, found)
  }
  return found
}

// The tracks that have waited longer than their threshold. When that is
// every waiting track, the same array is returned each time, so what is
// drawn from it need not be drawn again; do not change it.
export function overdueTracks(trade: MerchantTrade, settings: ShopSettings, now: number): Waiting[] {
  const waiting = waitingTracks(trade)
  const late = (w: Waiting) => now - w.since > settings.attention[w.track] * 60_000
  return waiting.every(late) ? waiting : waiting.filter(late)
}

export function overdueTrades(
  trades: readonly MerchantTrade[],
  settings: ShopSettings,
  now: number,
): Map<string, Waiting[]> {
  const result = new Map<string, Waiting[]>()
  for (const trade of trades) {
    const waiting = overdueTracks(trade, settings, now)
    if (waiting.length > 0) result.set(trade.trading.tradingId, waiting)
  }
  return result
}

// "3 days", "5 hours", "40 minutes": how long something has waited.
export function waitedFor(since: number, now: number): string {
  const minutes = Math.max(0, Math.floor((now - since) / 60_000))
  if (minutes < 120) return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`
  const hours = Math.floor(minutes / 60)
  if (hours < 48) return `${hours} hours`
  return `${Math.floor(hours / 24)} days`
}
