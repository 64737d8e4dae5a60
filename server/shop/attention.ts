import type { Processing } from '../../shared/protocol/schemas.js'
import type { ShopSettings } from '../../shared/protocol/settings.js'
import { TRACKS, TRANSITIONS, type Track } from '../../shared/protocol/statuses.js'
import { tradeState } from '../../shared/protocol/trade-state.js'
import { presentStatuses } from './advance.js'

// Since when each track has been in its present status: the time of the
// first processing information in the unbroken run that shows it.
export function sinceOf(history: readonly Processing[], track: Track): number {
  const now = history.at(-1)
  if (now == null) return Number.NaN
  let since = now.updatedAt
  for (let i = history.length - 2; i >= 0; i--) {
    if (history[i]![track].status !== now[track].status) break
    since = history[i]!.updatedAt
  }
  return Date.parse(since)
}

// A track waits when its status has a next move; it needs attention when
// it has waited longer than the merchant's threshold for that track.
export function waitingTracks(
  history: readonly Processing[],
  settings: ShopSettings,
  now: number,
): Track[] {
  const present = history.at(-1)
  if (present == null) return []
  if (tradeState(presentStatuses(present)) !== 'open') return []
  return TRACKS.filter((track) => {
    const moves = (TRANSITIONS[track] as Record<string, readonly string[]>)[present[track].status]
    if (moves == null || moves.length === 0) return false
    return now - sinceOf(history, track) > settings.attention[track] * 60_000
  })
}

export function needsAttention(
  history: readonly Processing[],
  settings: ShopSettings,
  now: number,
): boolean {
  return waitingTracks(history, settings, now).length > 0
}
