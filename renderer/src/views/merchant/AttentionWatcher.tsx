import { useEffect, useState } from 'react'
import { DEFAULT_SHOP_SETTINGS } from '../../../../shared/protocol/settings.js'
import { overdueTrades } from '../../lib/attention.js'
import { useAttentionStore } from '../../stores/useAttentionStore.js'
import { useBoardStore } from '../../stores/useBoardStore.js'
import { useSettingsStore } from '../../stores/useSettingsStore.js'

const MINUTE = 60_000

// Works out, in the page, which trades wait longer than their track's
// threshold: again whenever the trades or the settings change, and every
// minute as time passes. Renders nothing.
export function AttentionWatcher() {
  const trades = useBoardStore((s) => s.trades)
  const settings = useSettingsStore((s) => s.settings)
  const setOverdue = useAttentionStore((s) => s.setOverdue)
  const [tick, setTick] = useState(0)

  // The count is shown on every merchant page, so the trades and the
  // settings are loaded here once, whichever page opened first.
  useEffect(() => {
    const board = useBoardStore.getState()
    if (board.load === 'idle') void board.fetch()
    const prefs = useSettingsStore.getState()
    if (prefs.load === 'idle') void prefs.fetch()
  }, [])

  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), MINUTE)
    return () => clearInterval(timer)
  }, [])

  useEffect(() => {
    const now = Date.now()
    // Until the shop's own thresholds arrive, its defaults apply.
    setOverdue(overdueTrades(trades, settings ?? DEFAULT_SHOP_SETTINGS, now), now)
  }, [trades, settings, tick, setOverdue])

  return null
}
