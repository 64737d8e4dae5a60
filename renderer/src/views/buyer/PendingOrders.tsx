import type { BuyerOrder } from '../../../../shared/contract/types.js'
import { formatDateTime, formatMoney, plural } from '../../lib/format.js'
import { paymentMethodLabel } from '../../lib/labels.js'
import { useBuyerCatalogStore } from '../../stores/useBuyerCatalogStore.js'
import { Card } from '../../ui/Card.js'
import { cartTotals } from './cartTotals.js'
import { OrderStatePill } from './OrderStatePill.js'

// Orders not yet answered by the shop (made offline, or on their way).
export function PendingOrders({ orders }: { orders: BuyerOrder[] }) {
  const products = useBuyerCatalogStore((s) => s.products)
  const newest = [...orders].sort((a, b) => b.createdAt.localeCompare(a.createdAt))

  return (
    <Card title="Waiting for the shop" className="card--attention">
      <ul className="order-list">
        {newest.map((order) => {
          const { totals } = cartTotals(order.request.items, products)
          const count = order.request.items.reduce((n, i) => n + i.quantity, 0)
          return (
            <li key={order.requestId} className="order-item" data-testid="pending-order">
              <div className="order-item__main">
                <OrderStatePill state={order.state} />
                <p className="order-item__what">
                  {plural(count, 'item')}: {order.request.items.map((i) => `${i.quantity} × ${products.find((p) => p.sku === i.sku)?.name ?? i.sku}`).join(', ')}
                </p>
                <p className="order-item__meta">
                  Ordered {formatDateTime(order.createdAt)} · to {order.request.shipTo.name} · {paymentMethodLabel(order.request.payment.method)}
                </p>
              </div>
              <p className="order-item__total">
                {[...totals.entries()].map(([c, m]) => formatMoney(m, c)).join(' + ') || '—'}
                <span className="cell-sub">estimated</span>
              </p>
            </li>
          )
        })}
      </ul>
    </Card>
  )
}
