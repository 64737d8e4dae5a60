import type {
  CatalogUpsertRequest,
  Product,
} from '../../shared/protocol/index.js'
import type { ShopStore } from '../store/shop-store.js'

// What a fresh shop sells, so a first run has something to order.
export const STARTER_CATALOG: readonly Product[] = [
  p('COF-ETH-250', 'Ethiopia Yirgacheffe, 250 g', 1290, 40),
  p('COF-COL-250', 'Colombia Huila, 250 g', 1150, 35),
  p('COF-HOUSE-1K', 'House espresso blend, 1 kg', 3490, 20),
  p('TEA-SEN-100', 'Japanese sencha, 100 g', 990, 25),
  p('MUG-STONE', 'Stoneware mug, 350 ml', 1800, 30),
  p('FLT-V60-02', 'Pour-over dripper, size 02', 2450, 12),
  p('FLT-PAPER-100', 'Paper filters, pack of 100', 590, 60),
  p('GRD-HAND', 'Hand grinder, ceramic burrs', 6900, 5),
]

function p(sku: string, name: string, priceMinor: number, stock: number) {
  return { sku, name, priceMinor, currency: 'EUR', stock }
}

export function listProducts(store: ShopStore): Product[] {
  return [...store.state.catalog.values()].sort((a, b) =>
    a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0,
  )
}

export async function upsertProduct(
  store: ShopStore,
  req: CatalogUpsertRequest,
): Promise<Product> {
  const product: Product = { ...req }
  await store.commit({ t: 'product', product })
  return product
}

export async function seedStarterCatalog(store: ShopStore): Promise<void> {
  await Promise.all(
    STARTER_CATALOG.map((product) => store.commit({ t: 'product', product })),
  )
}
