import type { Dashboard } from '../../../../../shared/contract/operations.js'
import { formatMoney } from '../../../lib/format.js'
import { Card } from '../../../ui/Card.js'
import { EmptyState } from '../../../ui/EmptyState.js'
import { ShareBar } from './ShareBar.js'

// The best sellers of the period, by revenue.
interface TopProductsProps {
  products: Dashboard['topProducts']
  currency: string
  className?: string
}

export function TopProducts({ products, currency, className }: TopProductsProps) {
  const best = products[0]?.revenueMinor ?? 0
  return (
    <Card title="Top products" className={className} flush>
      {products.length === 0
        ? <EmptyState icon="catalog" title="Nothing sold yet">Products appear here once buyers order them.</EmptyState>
        : (
          <div className="table-wrap">
            <table className="table">
              <caption className="sr-only">Top products by revenue</caption>
              <thead>
                <tr>
                  <th scope="col">Product</th>
                  <th scope="col" className="num">Sold</th>
                  <th scope="col" className="num">Revenue</th>
                </tr>
              </thead>
              <tbody>
                {products.map((p) => (
                  <tr key={p.sku}>
                    <td>
                      <span className="cell-main">{p.name}</span>
                      <ShareBar value={p.revenueMinor} max={best} />
                    </td>
                    <td className="num">{p.quantity.toLocaleString()}</td>
                    <td className="num strong">{formatMoney(p.revenueMinor, currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
    </Card>
  )
}
