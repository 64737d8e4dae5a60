import { create } from 'zustand'
import type { ScenarioInfo, TrainingRun } from '../../../shared/contract/operations.js'
import type { ConsoleError, Outcome } from '../../../shared/contract/types.js'
import { request } from '../api.js'

// Training scenarios, and the run in progress (if any), kept live from
// `training:progress`.

type Load = 'idle' | 'loading' | 'ready' | 'error'

interface TrainingState {
  load: Load
  error: ConsoleError | null
  scenarios: ScenarioInfo[]
  run: TrainingRun | null
  busy: string | null
  fetchList: () => Promise<void>
  fetchRun: () => Promise<void>
  apply: (run: TrainingRun | null) => void
  start: (scenarioId: string) => Promise<Outcome<TrainingRun>>
  stop: () => Promise<Outcome<{ ok: true }>>
}

export const useTrainingStore = create<TrainingState>()((set, get) => ({
  load: 'idle',
  error: null,
  scenarios: [],
  run: null,
  busy: null,

  async fetchList() {
    set({ load: 'loading', error: null })
    const outcome = await request('training:list', {})
    if (outcome.ok) set({ load: 'ready', scenarios: outcome.value })
    else set({ load: 'error', error: outcome.error })
  },

  // Quietly: no run, or no answer, both mean there is no banner to show.
  async fetchRun() {
    const outcome = await request('training:status', {})
    if (outcome.ok) get().apply(outcome.value)
  },

  apply: (run) => set({ run }),

  async start(scenarioId) {
    set({ busy: scenarioId })
    const outcome = await request('training:start', { scenarioId })
    set({ busy: null })
    if (outcome.ok) get().apply(outcome.value)
    return outcome
  },

  async stop() {
    set({ busy: 'stop' })
    const outcome = await request('training:stop', {})
    set({ busy: null })
    if (outcome.ok) get().apply(null)
    return outcome
  },
}))
