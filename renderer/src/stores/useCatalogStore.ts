import { create } from 'zustand'
import type { ConsoleError, Outcome, Payload } from '../../../shared/contract/types.js'
import type { Product } from '../../../shared/protocol/schemas.js'
import { request } from '../api.js'

// The merchant's catalog, live from `merchant:product`, and upserts.

type Load = 'idle' | 'loading' | 'ready' | 'error'

interface CatalogState {
  load: Load
  error: ConsoleError | null
  products: Product[]
  fetch: () => Promise<void>
  applyProduct: (product: Product) => void
  upsert: (product: Payload<'merchant:upsert'>) => Promise<Outcome<Product>>
}

function bySku(a: Product, b: Product): number {
  return a.sku.localeCompare(b.sku)
}

export const useCatalogStore = create<CatalogState>()((set, get) => ({
  load: 'idle',
  error: null,
  products: [],

  async fetch() {
    set({ load: 'loading', error: null })
    const outcome = await request('merchant:catalog', {})
    if (!outcome.ok) {
      set({ load: 'error', error: outcome.error })
      return
    }
    set({ load: 'ready', products: [...outcome.value].sort(bySku) })
  },

  applyProduct(product) {
    set((s) => ({
      products: [...s.products.filter((p) => p.sku !== product.sku), product].sort(bySku),
    }))
  },

  async upsert(product) {
    const outcome = await request('merchant:upsert', product)
    if (outcome.ok) get().applyProduct(outcome.value)
    return outcome
  },
}))
