import { create } from 'zustand'
import type {
  BuyerOrder,
  BuyerState,
  BuyerTrade,
  BuyerWarning,
  ConsoleError,
  Outcome,
  Payload,
  SavedShop,
} from '../../../shared/contract/types.js'
import { request } from '../api.js'

// The active shop's trading file as main reports it: trades with their
// timelines, the orders (queued, sent, placed, refused) and the warnings.

export type BuyerLoad = 'idle' | 'loading' | 'ready' | 'none' | 'error'

interface BuyerStoreState {
  load: BuyerLoad
  error: ConsoleError | null
  shop: SavedShop | null
  trades: BuyerTrade[]
  orders: BuyerOrder[]
  warnings: BuyerWarning[]
  loadState: () => Promise<void>
  hydrate: (state: BuyerState | null) => void
  applyTrade: (shopId: string, trade: BuyerTrade) => void
  applyOrder: (shopId: string, order: BuyerOrder) => void
  applyWarning: (shopId: string, warning: BuyerWarning) => void
  placeOrder: (payload: Payload<'buyer:placeOrder'>) => Promise<Outcome<BuyerOrder>>
}

function newestFirst(a: BuyerTrade, b: BuyerTrade): number {
  return b.trading.placedAt.localeCompare(a.trading.placedAt) ||
    b.trading.tradingId.localeCompare(a.trading.tradingId)
}

export const useBuyerStore = create<BuyerStoreState>()((set, get) => ({
  load: 'idle',
  error: null,
  shop: null,
  trades: [],
  orders: [],
  warnings: [],

  async loadState() {
    set({ load: 'loading', error: null })
    const outcome = await request('buyer:state', {})
    if (!outcome.ok) {
      set({ load: 'error', error: outcome.error })
      return
    }
    get().hydrate(outcome.value)
  },

  hydrate(state) {
    if (state == null) {
      set({ load: 'none', error: null, shop: null, trades: [], orders: [], warnings: [] })
      return
    }
    set({
      load: 'ready',
      error: null,
      shop: state.shop,
      trades: [...state.trades].sort(newestFirst),
      orders: state.orders,
      warnings: state.warnings,
    })
  },

  applyTrade(shopId, trade) {
    if (get().shop?.shopId !== shopId) return
    const id = trade.trading.tradingId
    set((s) => ({
      trades: [...s.trades.filter((t) => t.trading.tradingId !== id), trade].sort(newestFirst),
    }))
  },

  applyOrder(shopId, order) {
    if (get().shop?.shopId !== shopId) return
    set((s) => {
      const index = s.orders.findIndex((o) => o.requestId === order.requestId)
      if (index < 0) return { orders: [...s.orders, order] }
      const orders = [...s.orders]
      orders[index] = order
      return { orders }
    })
  },

  applyWarning(shopId, warning) {
    if (get().shop?.shopId !== shopId) return
    set((s) => s.warnings.some((w) => w.id === warning.id)
      ? s
      : { warnings: [...s.warnings, warning] })
  },

  async placeOrder(payload) {
    const shopId = get().shop?.shopId
    const outcome = await request('buyer:placeOrder', payload)
    if (outcome.ok && shopId != null) get().applyOrder(shopId, outcome.value)
    return outcome
  },
}))
