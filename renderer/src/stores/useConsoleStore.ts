import { create } from 'zustand'
import type { ConsoleState } from '../../../shared/contract/types.js'
import { request } from '../api.js'
import { useShopStore } from './useShopStore.js'
import { useSessionStore } from './useSessionStore.js'

// Loads `console:state` once a window opens and hands its parts to the
// shop and session stores.

type Load = 'idle' | 'loading' | 'ready' | 'error'

interface ConsoleStoreState {
  load: Load
  error: string | null
  refresh: () => Promise<void>
  apply: (state: ConsoleState) => void
}

export const useConsoleStore = create<ConsoleStoreState>()((set, get) => ({
  load: 'idle',
  error: null,

  async refresh() {
    if (get().load === 'loading') return
    set({ load: 'loading', error: null })
    const outcome = await request('console:state', {})
    if (!outcome.ok) {
      set({ load: 'error', error: outcome.error.message })
      return
    }
    get().apply(outcome.value)
    set({ load: 'ready' })
  },

  apply(state) {
    useShopStore.getState().setStatus(state.shop)
    useSessionStore.getState().setShops(state.shops, state.activeShopId)
  },
}))
