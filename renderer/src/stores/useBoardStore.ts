import { create } from 'zustand'
import type { ConsoleError, Outcome, Payload } from '../../../shared/contract/types.js'
import type { MerchantTrade } from '../../../shared/protocol/events.js'
import type { Processing, Trading } from '../../../shared/protocol/schemas.js'
import { request } from '../api.js'
import { NO_FILTERS, newestFirst, type BoardFilters } from '../lib/boardFilter.js'

// Every trade of the merchant's shop, newest first, kept live from
// `merchant:changed`; the board's filters; status moves.

type Load = 'idle' | 'loading' | 'ready' | 'error'

interface BoardState {
  load: Load
  error: ConsoleError | null
  trades: MerchantTrade[]
  filters: BoardFilters
  fetch: (quiet?: boolean) => Promise<void>
  applyChange: (trading: Trading, processing: Processing) => void
  advance: (move: Payload<'merchant:advance'>) => Promise<Outcome<Processing>>
  setFilters: (patch: Partial<BoardFilters>) => void
  resetFilters: () => void
}

function withProcessing(trade: MerchantTrade, processing: Processing): MerchantTrade {
  const last = trade.history[trade.history.length - 1]
  const seen = last != null && last.updatedAt === processing.updatedAt &&
    JSON.stringify(last) === JSON.stringify(processing)
  return { ...trade, processing, history: seen ? trade.history : [...trade.history, processing] }
}

export const useBoardStore = create<BoardState>()((set, get) => ({
  load: 'idle',
  error: null,
  trades: [],
  filters: NO_FILTERS,

  async fetch(quiet = false) {
    if (!quiet) set({ load: 'loading', error: null })
    const outcome = await request('merchant:trades', {})
    if (!outcome.ok) {
      if (!quiet || get().trades.length === 0) set({ load: 'error', error: outcome.error })
      return
    }
    set({ load: 'ready', trades: [...outcome.value].sort(newestFirst) })
  },

  applyChange(trading, processing) {
    set((s) => {
      const index = s.trades.findIndex((t) => t.trading.tradingId === trading.tradingId)
      if (index < 0) {
        const added = { trading, processing, history: [processing] }
        return { trades: [...s.trades, added].sort(newestFirst) }
      }
      const trades = [...s.trades]
      const known = trades[index]
      if (known != null) trades[index] = withProcessing({ ...known, trading }, processing)
      return { trades }
    })
  },

  async advance(move) {
    const outcome = await request('merchant:advance', move)
    if (outcome.ok) {
      const trade = get().trades.find((t) => t.trading.tradingId === move.tradingId)
      if (trade != null) get().applyChange(trade.trading, outcome.value)
    }
    return outcome
  },

  setFilters: (patch) => set((s) => ({ filters: { ...s.filters, ...patch } })),
  resetFilters: () => set({ filters: NO_FILTERS }),
}))
