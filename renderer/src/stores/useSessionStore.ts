import { create } from 'zustand'
import type { ConsoleError, Payload, SavedShop } from '../../../shared/contract/types.js'
import { request } from '../api.js'
import { useBuyerStore } from './useBuyerStore.js'

// The buyer's saved shops (sessions kept by main) and which one is active:
// connect (register or sign in), switch, sign out.

type Action = 'connect' | 'switch' | 'signOut'

interface SessionState {
  shops: SavedShop[]
  activeShopId: string | null
  busy: Action | null
  error: ConsoleError | null
  setShops: (shops: SavedShop[], activeShopId: string | null) => void
  connect: (payload: Payload<'buyer:connect'>) => Promise<boolean>
  switchTo: (shopId: string) => Promise<boolean>
  signOut: (shopId: string) => Promise<boolean>
  clearError: () => void
}

export const useSessionStore = create<SessionState>()((set, get) => ({
  shops: [],
  activeShopId: null,
  busy: null,
  error: null,

  setShops(shops, activeShopId) {
    set({ shops, activeShopId })
  },

  async connect(payload) {
    set({ busy: 'connect', error: null })
    const outcome = await request('buyer:connect', payload)
    if (!outcome.ok) {
      set({ busy: null, error: outcome.error })
      return false
    }
    const { shop } = outcome.value
    set((s) => ({
      busy: null,
      activeShopId: shop.shopId,
      shops: [...s.shops.filter((x) => x.shopId !== shop.shopId), shop],
    }))
    useBuyerStore.getState().hydrate(outcome.value)
    return true
  },

  async switchTo(shopId) {
    set({ busy: 'switch', error: null })
    const outcome = await request('buyer:switch', { shopId })
    if (!outcome.ok) {
      set({ busy: null, error: outcome.error })
      return false
    }
    set({ busy: null, activeShopId: outcome.value.shop.shopId })
    useBuyerStore.getState().hydrate(outcome.value)
    return true
  },

  async signOut(shopId) {
    set({ busy: 'signOut', error: null })
    const outcome = await request('buyer:signOut', { shopId })
    if (!outcome.ok) {
      set({ busy: null, error: outcome.error })
      return false
    }
    const { shops, activeShopId } = outcome.value
    set({ busy: null, shops, activeShopId })
    const buyer = useBuyerStore.getState()
    if (activeShopId == null) buyer.hydrate(null)
    else await buyer.loadState()
    return true
  },

  clearError: () => set({ error: null }),
}))

export function activeShop(state: Pick<SessionState, 'shops' | 'activeShopId'>): SavedShop | null {
  return state.shops.find((s) => s.shopId === state.activeShopId) ?? null
}
