import { PAYMENT_METHODS } from '../../shared/protocol/schemas.js'
import { DEMO_BUYERS } from './catalog.js'
import type { Random } from './random.js'
import type { Scheduler } from './scheduler.js'
import type { SimShop } from './sim-shop.js'

export interface SimBuyer {
  buyerId: string
  name: string
  address: string
}

// Registers the demo's buyers (once per shop; a name taken by an earlier
// run is signed in to instead is not needed: each run has its own shop).
export async function registerBuyers(shop: SimShop, rng: Random): Promise<SimBuyer[]> {
  const out: SimBuyer[] = []
  for (const b of DEMO_BUYERS) {
    const { buyerId } = await shop.register({
      name: b.name,
      password: `demo-${rng.int(100_000, 999_999)}`,
    })
    out.push({ buyerId, name: b.name, address: b.address })
  }
  return out
}

let requests = 0

// One order of one to three products in stock, from one buyer.
export async function placeRandomOrder(
  shop: SimShop,
  rng: Random,
  buyer: SimBuyer,
  method?: (typeof PAYMENT_METHODS)[number],
): Promise<string | null> {
  const inStock = shop.products().filter((p) => p.stock > 0 && p.currency === 'EUR')
  if (inStock.length === 0) return null
  const lines = new Map<string, number>()
  for (let i = rng.int(1, 3); i > 0; i--) {
    const p = rng.pick(inStock)
    lines.set(p.sku, Math.min(p.stock, (lines.get(p.sku) ?? 0) + rng.int(1, 2)))
  }
  const trading = await shop.placeOrder(buyer.buyerId, {
    requestId: `sim-${Date.now().toString(36)}-${++requests}`,
    items: [...lines].map(([sku, quantity]) => ({ sku, quantity })),
    shipTo: { name: buyer.name, address: buyer.address },
    payment: { method: method ?? rng.pick(['card', 'card', 'bank_transfer', 'invoice'] as const) },
  })
  return trading.tradingId
}

// Buyers placing orders at `perMinute` on average, until stopped.
export function startBuyers(
  shop: SimShop,
  rng: Random,
  clock: Scheduler,
  buyers: SimBuyer[],
  perMinute: number,
  onPlaced: (tradingId: string) => void,
): () => void {
  let stopped = false
  const next = () => {
    if (stopped || perMinute <= 0) return
    clock.after(rng.delay(60_000 / perMinute), async () => {
      if (stopped) return
      const id = await placeRandomOrder(shop, rng, rng.pick(buyers)).catch(() => null)
      if (id != null) onPlaced(id)
      next()
    })
  }
  next()
  return () => {
    stopped = true
  }
}
