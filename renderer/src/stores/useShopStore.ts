import { create } from 'zustand'
import type { ConsoleError, ShopStatus } from '../../../shared/contract/types.js'
import { request } from '../api.js'

// The merchant's own shop on this computer: running or not, where, and
// the start / stop / configure actions.

type Action = 'start' | 'stop' | 'configure'

interface ShopState {
  status: ShopStatus | null
  busy: Action | null
  error: ConsoleError | null
  setStatus: (status: ShopStatus) => void
  start: () => Promise<boolean>
  stop: () => Promise<boolean>
  configure: (port: number) => Promise<boolean>
  clearError: () => void
}

export const useShopStore = create<ShopState>()((set, get) => {
  async function run(action: Action, call: () => ReturnType<typeof request<'shop:start'>>) {
    if (get().busy != null) return false
    set({ busy: action, error: null })
    const outcome = await call()
    if (outcome.ok) {
      set({ busy: null, status: outcome.value })
      return true
    }
    set({ busy: null, error: outcome.error })
    return false
  }

  return {
    status: null,
    busy: null,
    error: null,
    setStatus: (status) => set({ status }),
    start: () => run('start', () => request('shop:start', {})),
    stop: () => run('stop', () => request('shop:stop', {})),
    configure: (port) => run('configure', () => request('shop:configure', { port })),
    clearError: () => set({ error: null }),
  }
})

export function isRunning(status: ShopStatus | null): boolean {
  return status?.running === true
}
