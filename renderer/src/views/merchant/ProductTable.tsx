import type { Product } from '../../../../shared/protocol/schemas.js'
import { DEFAULT_SHOP_SETTINGS } from '../../../../shared/protocol/settings.js'
import { formatMoney } from '../../lib/format.js'
import { thresholdOf, useSettingsStore } from '../../stores/useSettingsStore.js'
import { Badge } from '../../ui/Badge.js'
import { Button } from '../../ui/Button.js'
import { Card } from '../../ui/Card.js'

// The catalog's products with price and stock; stock at or below its
// threshold is marked "Low stock", none at all "Out of stock".
export function ProductTable({ products, onEdit }: { products: Product[]; onEdit: (p: Product) => void }) {
  const settings = useSettingsStore((s) => s.settings) ?? DEFAULT_SHOP_SETTINGS

  return (
    <Card flush>
      <div className="table-wrap">
        <table className="table table--rows">
          <caption className="sr-only">Products</caption>
          <thead>
            <tr>
              <th scope="col">SKU</th>
              <th scope="col">Name</th>
              <th scope="col" className="num">Price</th>
              <th scope="col" className="num">Stock</th>
              <th scope="col" className="num">Low stock at</th>
              <th scope="col"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {products.map((p) => {
              const threshold = thresholdOf(settings, p.sku)
              const own = settings.lowStock.perSku[p.sku] != null
              return (
                <tr key={p.sku} data-sku={p.sku}>
                  <td className="mono">{p.sku}</td>
                  <td><span className="cell-main">{p.name}</span></td>
                  <td className="num">{formatMoney(p.priceMinor, p.currency)}</td>
                  <td className="num">
                    {p.stock === 0
                      ? <Badge tone="danger" testId="stock-state">Out of stock</Badge>
                      : (
                        <span className="stock">
                          {p.stock <= threshold && <Badge tone="warning" testId="stock-state">Low stock</Badge>}
                          {p.stock.toLocaleString()}
                        </span>
                      )}
                  </td>
                  <td className="num">
                    <span className="cell-main">{threshold.toLocaleString()}</span>
                    <span className="cell-sub">{own ? 'this product' : 'shop default'}</span>
                  </td>
                  <td className="actions-cell">
                    <Button size="sm" aria-label={`Edit ${p.name}`} onClick={() => onEdit(p)}>Edit</Button>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
    </Card>
  )
}
