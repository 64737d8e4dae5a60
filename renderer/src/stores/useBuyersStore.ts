import { create } from 'zustand'
import type { ConnectedBuyer, ConsoleError, Outcome } from '../../../shared/contract/types.js'
import { request } from '../api.js'

// The buyers connected to the merchant's shop, and the mismatch drill.

type Load = 'idle' | 'loading' | 'ready' | 'error'

interface BuyersState {
  load: Load
  error: ConsoleError | null
  buyers: ConnectedBuyer[]
  drilling: string | null
  fetch: (quiet?: boolean) => Promise<void>
  drill: (buyerId: string) => Promise<Outcome<{ tradingId: string }>>
}

export const useBuyersStore = create<BuyersState>()((set) => ({
  load: 'idle',
  error: null,
  buyers: [],
  drilling: null,

  async fetch(quiet = false) {
    if (!quiet) set({ load: 'loading', error: null })
    const outcome = await request('merchant:buyers', {})
    if (!outcome.ok) {
      set({ load: 'error', error: outcome.error })
      return
    }
    const buyers = [...outcome.value].sort((a, b) => a.name.localeCompare(b.name))
    set({ load: 'ready', error: null, buyers })
  },

  async drill(buyerId) {
    set({ drilling: buyerId })
    const outcome = await request('merchant:drill', { buyerId })
    set({ drilling: null })
    return outcome
  },
}))
