import { create } from 'zustand'
import type { ConsoleError, Outcome } from '../../../shared/contract/types.js'
import type { ShopSettings } from '../../../shared/protocol/settings.js'
import { request } from '../api.js'

// The shop's rules and thresholds (`merchant:settings`), kept live from
// the event of the same name, and saving them.

type Load = 'idle' | 'loading' | 'ready' | 'error'

interface SettingsState {
  load: Load
  error: ConsoleError | null
  settings: ShopSettings | null
  fetch: (quiet?: boolean) => Promise<void>
  apply: (settings: ShopSettings) => void
  save: (settings: ShopSettings) => Promise<Outcome<ShopSettings>>
  // Sets (or, with null, clears) one product's low-stock threshold.
  saveSkuThreshold: (sku: string, threshold: number | null) => Promise<Outcome<ShopSettings>>
}

export const useSettingsStore = create<SettingsState>()((set, get) => ({
  load: 'idle',
  error: null,
  settings: null,

  async fetch(quiet = false) {
    if (!quiet) set({ load: 'loading', error: null })
    const outcome = await request('merchant:settings', {})
    if (!outcome.ok) {
      if (!quiet || get().settings == null) set({ load: 'error', error: outcome.error })
      return
    }
    set({ load: 'ready', error: null, settings: outcome.value })
  },

  apply: (settings) => set({ load: 'ready', error: null, settings }),

  async save(settings) {
    const outcome = await request('merchant:saveSettings', settings)
    if (outcome.ok) get().apply(outcome.value)
    return outcome
  },

  async saveSkuThreshold(sku, threshold) {
    const current = get().settings
    if (current == null) {
      return { ok: false, error: { code: 'unavailable', message: 'the shop’s settings are not loaded' } }
    }
    const perSku = { ...current.lowStock.perSku }
    if (threshold == null) delete perSku[sku]
    else perSku[sku] = threshold
    return get().save({ ...current, lowStock: { ...current.lowStock, perSku } })
  },
}))

// A product's low-stock threshold: its own, else the shop's default.
export function thresholdOf(settings: ShopSettings, sku: string): number {
  return settings.lowStock.perSku[sku] ?? settings.lowStock.threshold
}
