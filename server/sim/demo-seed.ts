import { DEFAULT_SHOP_SETTINGS } from '../../shared/protocol/settings.js'
import type { Shop } from '../shop/shop.js'
import { nameKey } from '../store/shop-state.js'
import { registerBuyers, type SimBuyer } from './buyers.js'
import { DEMO_BUYERS, DEMO_CATALOG } from './catalog.js'
import type { Random } from './random.js'

// How fast the demo's carrier and bank work, and how often they fail.
export const DEMO_TIMING = {
  authorizeMs: 4_000,
  transitMs: 8_000,
  deliverMs: 12_000,
  declineRate: 0.08,
  returnRate: 0.06,
}

// Prepares a fresh demo shop: its catalog, its buyers, every rule on and
// short attention thresholds, so there is something to see quickly.
export async function seedDemoShop(shop: Shop, rng: Random): Promise<void> {
  for (const product of DEMO_CATALOG) await shop.upsertProduct(product)
  await shop.saveSettings({
    ...DEFAULT_SHOP_SETTINGS,
    rules: {
      capture_on_ship: true,
      complete_when_delivered_and_paid: true,
      settle_on_cancel: true,
      refund_on_return: true,
    },
    attention: { order: 2, delivery: 5, payment: 5 },
  })
  await registerBuyers(shop, rng)
}

// The demo's buyers as this shop knows them (empty before seeding).
export function demoBuyers(shop: Shop): SimBuyer[] {
  return DEMO_BUYERS.flatMap((b) => {
    const id = shop.store.state.buyerByName.get(nameKey(b.name))
    return id == null ? [] : [{ buyerId: id, name: b.name, address: b.address }]
  })
}
