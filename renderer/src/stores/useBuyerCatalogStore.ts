import { create } from 'zustand'
import type { ConsoleError } from '../../../shared/contract/types.js'
import type { Product } from '../../../shared/protocol/schemas.js'
import { request } from '../api.js'

// The active shop's catalog. The last catalog seen is kept per shop in
// localStorage, so a buyer can still fill a cart (and queue an order)
// while the shop is offline.

type Load = 'idle' | 'loading' | 'ready' | 'error'

interface BuyerCatalogState {
  shopId: string | null
  products: Product[]
  load: Load
  stale: boolean
  error: ConsoleError | null
  fetch: (shopId: string) => Promise<void>
  product: (sku: string) => Product | undefined
}

const KEY = 'tradepost.catalog.'

function cached(shopId: string): Product[] | null {
  try {
    const text = window.localStorage.getItem(KEY + shopId)
    const value: unknown = text == null ? null : JSON.parse(text)
    return Array.isArray(value) ? (value as Product[]) : null
  } catch {
    return null
  }
}

function remember(shopId: string, products: Product[]): void {
  try {
    window.localStorage.setItem(KEY + shopId, JSON.stringify(products))
  } catch {
    // storage full or disabled: the cache is only a convenience
  }
}

export const useBuyerCatalogStore = create<BuyerCatalogState>()((set, get) => ({
  shopId: null,
  products: [],
  load: 'idle',
  stale: false,
  error: null,

  async fetch(shopId) {
    if (get().shopId !== shopId) {
      const old = cached(shopId)
      set({ shopId, products: old ?? [], stale: old != null })
    }
    set({ load: 'loading', error: null })
    const outcome = await request('buyer:catalog', {})
    if (get().shopId !== shopId) return
    if (outcome.ok) {
      remember(shopId, outcome.value)
      set({ load: 'ready', products: outcome.value, stale: false })
    } else {
      set({ load: 'error', error: outcome.error, stale: get().products.length > 0 })
    }
  },

  product: (sku) => get().products.find((p) => p.sku === sku),
}))
