import type { Product } from '../../../../shared/protocol/schemas.js'
import type { CartLine } from '../../stores/useCartStore.js'

// A cart's (or order request's) total per currency, from the catalog as
// last seen; lines whose product is unknown are counted apart.
export function cartTotals(lines: CartLine[], products: Product[]): { totals: Map<string, number>; unknown: number } {
  const totals = new Map<string, number>()
  let unknown = 0
  for (const line of lines) {
    const product = products.find((p) => p.sku === line.sku)
    if (product == null) {
      unknown++
      continue
    }
    totals.set(product.currency, (totals.get(product.currency) ?? 0) + product.priceMinor * line.quantity)
  }
  return { totals, unknown }
}
