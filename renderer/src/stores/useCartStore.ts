import { create } from 'zustand'
import type { PaymentMethod } from '../../../shared/protocol/schemas.js'

// The buyer's cart for the active shop, with the checkout details.

export interface CartLine {
  sku: string
  quantity: number
}

interface CartState {
  shopId: string | null
  lines: CartLine[]
  shipName: string
  shipAddress: string
  payment: PaymentMethod
  forShop: (shopId: string) => void
  add: (sku: string, quantity: number) => void
  setQuantity: (sku: string, quantity: number) => void
  remove: (sku: string) => void
  clear: () => void
  setShipName: (value: string) => void
  setShipAddress: (value: string) => void
  setPayment: (value: PaymentMethod) => void
}

export const useCartStore = create<CartState>()((set, get) => ({
  shopId: null,
  lines: [],
  shipName: '',
  shipAddress: '',
  payment: 'card',

  forShop(shopId) {
    if (get().shopId !== shopId) set({ shopId, lines: [] })
  },

  add(sku, quantity) {
    set((s) => {
      const line = s.lines.find((l) => l.sku === sku)
      if (line == null) return { lines: [...s.lines, { sku, quantity }] }
      return {
        lines: s.lines.map((l) => (l.sku === sku ? { sku, quantity: l.quantity + quantity } : l)),
      }
    })
  },

  setQuantity(sku, quantity) {
    if (quantity < 1) return get().remove(sku)
    set((s) => ({ lines: s.lines.map((l) => (l.sku === sku ? { sku, quantity } : l)) }))
  },

  remove(sku) {
    set((s) => ({ lines: s.lines.filter((l) => l.sku !== sku) }))
  },

  clear: () => set({ lines: [] }),
  setShipName: (shipName) => set({ shipName }),
  setShipAddress: (shipAddress) => set({ shipAddress }),
  setPayment: (payment) => set({ payment }),
}))

export function cartCount(lines: CartLine[]): number {
  return lines.reduce((sum, l) => sum + l.quantity, 0)
}
