import { create } from 'zustand'
import type { DemoStatus } from '../../../shared/contract/operations.js'
import type { ConsoleError, Outcome } from '../../../shared/contract/types.js'
import { request } from '../api.js'
import { useBoardStore } from './useBoardStore.js'
import { useCatalogStore } from './useCatalogStore.js'
import { useSettingsStore } from './useSettingsStore.js'

// The demo shop: simulated buyers placing orders at a chosen rate, kept
// live from `demo:status`. The demo runs in the console's own shop slot,
// so when it is switched on or off the shop's data is read again.

type Load = 'idle' | 'loading' | 'ready' | 'error'
type Action = 'start' | 'stop' | 'reset'

interface DemoState {
  load: Load
  error: ConsoleError | null
  status: DemoStatus | null
  busy: Action | null
  fetch: () => Promise<void>
  apply: (status: DemoStatus) => void
  start: (rate: number) => Promise<Outcome<DemoStatus>>
  stop: () => Promise<Outcome<DemoStatus>>
  reset: () => Promise<Outcome<DemoStatus>>
}

export const DEFAULT_DEMO_RATE = 6

function reloadShopData(): void {
  if (useBoardStore.getState().load !== 'idle') void useBoardStore.getState().fetch()
  if (useCatalogStore.getState().load !== 'idle') void useCatalogStore.getState().fetch()
  if (useSettingsStore.getState().load !== 'idle') void useSettingsStore.getState().fetch(true)
}

export const useDemoStore = create<DemoState>()((set, get) => {
  async function run(action: Action, call: () => Promise<Outcome<DemoStatus>>) {
    set({ busy: action })
    const outcome = await call()
    set({ busy: null })
    if (outcome.ok) get().apply(outcome.value)
    return outcome
  }

  return {
    load: 'idle',
    error: null,
    status: null,
    busy: null,

    async fetch() {
      set({ load: 'loading', error: null })
      const outcome = await request('demo:status', {})
      if (outcome.ok) get().apply(outcome.value)
      else set({ load: 'error', error: outcome.error })
    },

    apply(status) {
      const before = get().status
      set({ load: 'ready', error: null, status })
      if (before != null && before.active !== status.active) reloadShopData()
    },
    start: (rate) => run('start', () => request('demo:start', { rate })),
    stop: () => run('stop', () => request('demo:stop', {})),
    reset: () => run('reset', () => request('demo:reset', {})),
  }
})
