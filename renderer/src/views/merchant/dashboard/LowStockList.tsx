import type { Dashboard } from '../../../../../shared/contract/operations.js'
import { Badge } from '../../../ui/Badge.js'
import { Card } from '../../../ui/Card.js'
import { EmptyState } from '../../../ui/EmptyState.js'

// Products at or below their low-stock threshold, emptiest first.
export function LowStockList({ items, className }: { items: Dashboard['lowStock']; className?: string }) {
  return (
    <Card title="Low stock" className={className} actions={<a className="btn btn--ghost btn--sm" href="#/merchant/catalog">Open the catalog</a>} flush>
      {items.length === 0
        ? <EmptyState icon="check" title="Stock is fine">No product is at or below its low-stock threshold.</EmptyState>
        : (
          <div className="table-wrap">
            <table className="table">
              <caption className="sr-only">Products low on stock</caption>
              <thead>
                <tr>
                  <th scope="col">Product</th>
                  <th scope="col" className="num">In stock</th>
                  <th scope="col" className="num">Low at</th>
                </tr>
              </thead>
              <tbody>
                {items.map((p) => (
                  <tr key={p.sku}>
                    <td>
                      <span className="cell-main">{p.name}</span>
                      <span className="cell-sub mono">{p.sku}</span>
                    </td>
                    <td className="num">
                      {p.stock === 0
                        ? <Badge tone="danger">Out of stock</Badge>
                        : <span className="stock"><Badge tone="warning">Low stock</Badge>{p.stock.toLocaleString()}</span>}
                    </td>
                    <td className="num">{p.threshold.toLocaleString()}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
    </Card>
  )
}
