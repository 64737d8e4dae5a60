import { useState } from 'react'
import { useCartStore } from '../../stores/useCartStore.js'
import { Card } from '../../ui/Card.js'
import { EmptyState } from '../../ui/EmptyState.js'
import { PageHeader } from '../../ui/Shell.js'
import { CartLines } from './CartLines.js'
import { CheckoutForm } from './CheckoutForm.js'
import { OrderResult } from './OrderResult.js'

// The cart and checkout; after placing, what became of the order.
export function CartPage() {
  const empty = useCartStore((s) => s.lines.length === 0)
  const [placed, setPlaced] = useState<string | null>(null)

  return (
    <div className="page">
      <PageHeader title="Cart" description="Check your items, where they go and how you pay" />
      {placed != null && <OrderResult requestId={placed} onDismiss={() => setPlaced(null)} />}
      {empty && placed == null && (
        <EmptyState
          icon="cart"
          title="Your cart is empty"
          action={<a className="btn btn--primary btn--md" href="#/buyer/catalog">Browse the catalog</a>}
        >
          Add products from the catalog, then come back here to check out.
        </EmptyState>
      )}
      {!empty && (
        <div className="checkout">
          <Card title="Items" flush>
            <CartLines />
          </Card>
          <Card title="Checkout">
            <CheckoutForm onPlaced={setPlaced} />
          </Card>
        </div>
      )}
    </div>
  )
}
