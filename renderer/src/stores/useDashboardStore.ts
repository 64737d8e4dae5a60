import { create } from 'zustand'
import type { Dashboard } from '../../../shared/contract/operations.js'
import type { ConsoleError } from '../../../shared/contract/types.js'
import { request } from '../api.js'

// The merchant's figures for the chosen period (`merchant:dashboard`).

type Load = 'idle' | 'loading' | 'ready' | 'error'

export const PERIODS = [7, 30, 90] as const
export type Period = (typeof PERIODS)[number]

interface DashboardState {
  load: Load
  error: ConsoleError | null
  days: Period
  data: Dashboard | null
  // The period the shown data is for (it lags `days` while loading).
  dataDays: Period | null
  fetch: (quiet?: boolean) => Promise<void>
  setDays: (days: Period) => void
}

let latest = 0

export const useDashboardStore = create<DashboardState>()((set, get) => ({
  load: 'idle',
  error: null,
  days: 30,
  data: null,
  dataDays: null,

  async fetch(quiet = false) {
    const days = get().days
    const ticket = ++latest
    if (!quiet) set({ load: 'loading', error: null })
    const outcome = await request('merchant:dashboard', { days })
    // An answer for an older request (another period) is dropped.
    if (ticket !== latest) return
    if (!outcome.ok) {
      if (!quiet || get().data == null) set({ load: 'error', error: outcome.error })
      return
    }
    set({ load: 'ready', error: null, data: outcome.value, dataDays: days })
  },

  setDays(days) {
    if (days === get().days) return
    set({ days })
    void get().fetch()
  },
}))
