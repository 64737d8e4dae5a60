import { useState } from 'react'
import type { Product } from '../../../../shared/protocol/schemas.js'
import { formatMoney } from '../../lib/format.js'
import { useCartStore } from '../../stores/useCartStore.js'
import { Badge } from '../../ui/Badge.js'
import { Button } from '../../ui/Button.js'
import { QuantityStepper } from '../../ui/QuantityStepper.js'

function stockBadge(stock: number) {
  if (stock === 0) return <Badge tone="danger">Out of stock</Badge>
  if (stock <= 5) return <Badge tone="warning">Only {stock} left</Badge>
  return <Badge tone="success">{stock.toLocaleString()} in stock</Badge>
}

// One product: price, stock, a quantity and "Add to cart".
export function ProductCard({ product }: { product: Product }) {
  const inCart = useCartStore((s) => s.lines.find((l) => l.sku === product.sku)?.quantity ?? 0)
  const add = useCartStore((s) => s.add)
  const [quantity, setQuantity] = useState(1)
  const room = Math.max(0, product.stock - inCart)
  const soldOut = product.stock === 0

  return (
    <article className={soldOut ? 'product is-soldout' : 'product'} aria-label={product.name}>
      <div className="product__top">
        <span className="product__sku mono">{product.sku}</span>
        {stockBadge(product.stock)}
      </div>
      <h2 className="product__name">{product.name}</h2>
      <p className="product__price">{formatMoney(product.priceMinor, product.currency)}</p>
      {inCart > 0 && <p className="product__incart">{inCart} in your cart</p>}
      <div className="product__buy">
        <QuantityStepper
          itemName={product.name}
          value={Math.min(quantity, Math.max(1, room))}
          max={Math.max(1, room)}
          disabled={room === 0}
          onChange={setQuantity}
        />
        <Button
          variant="primary"
          disabled={room === 0}
          aria-label={`Add ${product.name} to cart`}
          onClick={() => {
            const n = Math.min(quantity, room)
            add(product.sku, n)
            setQuantity(1)
          }}
        >
          {soldOut ? 'Out of stock' : room === 0 ? 'All in cart' : 'Add to cart'}
        </Button>
      </div>
    </article>
  )
}
