import type { BuyerOrder } from '../../../../shared/contract/types.js'
import { describeError } from '../../lib/errors.js'
import { formatDateTime, plural } from '../../lib/format.js'
import { useBuyerCatalogStore } from '../../stores/useBuyerCatalogStore.js'
import { Card } from '../../ui/Card.js'
import { OrderStatePill } from './OrderStatePill.js'

// Orders the shop turned down, with the reason in words.
export function RefusedOrders({ orders }: { orders: BuyerOrder[] }) {
  const products = useBuyerCatalogStore((s) => s.products)
  const newest = [...orders].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))

  return (
    <Card title="Orders the shop did not accept">
      <ul className="order-list">
        {newest.map((order) => {
          const count = order.request.items.reduce((n, i) => n + i.quantity, 0)
          return (
            <li key={order.requestId} className="order-item" data-testid="refused-order">
              <div className="order-item__main">
                <OrderStatePill state={order.state} />
                <p className="order-item__what">
                  {plural(count, 'item')}: {order.request.items.map((i) => `${i.quantity} × ${products.find((p) => p.sku === i.sku)?.name ?? i.sku}`).join(', ')}
                </p>
                <p className="order-item__reason">{describeError(order.error ?? { code: 'internal', message: '' })}</p>
                <p className="order-item__meta">Ordered {formatDateTime(order.createdAt)}</p>
              </div>
            </li>
          )
        })}
      </ul>
    </Card>
  )
}
