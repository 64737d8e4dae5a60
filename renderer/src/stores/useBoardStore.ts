import { create } from 'zustand'
import type { ConsoleError, Outcome, Payload } from '../../../shared/contract/types.js'
import type { MerchantTrade } from '../../../shared/protocol/events.js'
import type { Processing, Trading } from '../../../shared/protocol/schemas.js'
import { request } from '../api.js'
import { NO_FILTERS, insertSorted, mergeFetched, type BoardFilters } from '../lib/boardFilter.js'

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

// One request for the trades at a time: callers that ask while it is on
// its way (the board and the attention count both ask when the merchant
// console opens) share its answer instead of fetching every trade twice.
// The trades that events change meanwhile are noted, so that an answer
// that predates them does not undo them.
let inFlight: { answer: Promise<Outcome<MerchantTrade[]>>; changed: Set<string> } | null = null
function fetchTrades(): { answer: Promise<Outcome<MerchantTrade[]>>; changed: Set<string> } {
  inFlight ??= {
    answer: request('merchant:trades', {}).finally(() => {
      inFlight = null
    }),
    changed: new Set(),
  }
  return inFlight
}

export const useBoardStore = create<BoardState>()((set, get) => ({
  load: 'idle',
  error: null,
  trades: [],
  filters: NO_FILTERS,

  async fetch(quiet = false) {
    if (!quiet) set({ load: 'loading', error: null })
    const { answer, changed } = fetchTrades()
    const outcome = await answer
    if (!outcome.ok) {
      if (!quiet || get().trades.length === 0) set({ load: 'error', error: outcome.error })
      return
    }
    set({ load: 'ready', trades: mergeFetched(get().trades, outcome.value, changed) })
  },

  applyChange(trading, processing) {
    inFlight?.changed.add(trading.tradingId)
    set((s) => {
      const index = s.trades.findIndex((t) => t.trading.tradingId === trading.tradingId)
      if (index < 0) {
        const added = { trading, processing, history: [processing] }
        return { trades: insertSorted(s.trades, added) }
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
