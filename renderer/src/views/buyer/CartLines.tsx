import { formatMoney } from '../../lib/format.js'
import { useBuyerCatalogStore } from '../../stores/useBuyerCatalogStore.js'
import { useCartStore } from '../../stores/useCartStore.js'
import { Button } from '../../ui/Button.js'
import { QuantityStepper } from '../../ui/QuantityStepper.js'
import { cartTotals } from './cartTotals.js'

// The cart's lines with quantities, amounts and the total.
export function CartLines() {
  const lines = useCartStore((s) => s.lines)
  const setQuantity = useCartStore((s) => s.setQuantity)
  const remove = useCartStore((s) => s.remove)
  const products = useBuyerCatalogStore((s) => s.products)
  const { totals } = cartTotals(lines, products)

  return (
    <table className="table">
      <caption className="sr-only">Items in your cart</caption>
      <thead>
        <tr>
          <th scope="col">Item</th>
          <th scope="col" className="num">Unit price</th>
          <th scope="col">Quantity</th>
          <th scope="col" className="num">Amount</th>
          <th scope="col"><span className="sr-only">Remove</span></th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => {
          const p = products.find((x) => x.sku === line.sku)
          const name = p?.name ?? line.sku
          return (
            <tr key={line.sku}>
              <td>
                <span className="cell-main">{name}</span>
                <span className="cell-sub mono">{line.sku}</span>
                {p == null && <span className="cell-sub warn-text">No longer in the catalog</span>}
                {p != null && line.quantity > p.stock && <span className="cell-sub warn-text">Only {p.stock} in stock</span>}
              </td>
              <td className="num">{p != null ? formatMoney(p.priceMinor, p.currency) : '—'}</td>
              <td>
                <QuantityStepper itemName={name} value={line.quantity} max={Math.max(line.quantity, p?.stock ?? line.quantity)} onChange={(n) => setQuantity(line.sku, n)} />
              </td>
              <td className="num strong">{p != null ? formatMoney(p.priceMinor * line.quantity, p.currency) : '—'}</td>
              <td className="actions-cell">
                <Button size="sm" variant="ghost" aria-label={`Remove ${name}`} onClick={() => remove(line.sku)}>Remove</Button>
              </td>
            </tr>
          )
        })}
      </tbody>
      <tfoot>
        {[...totals.entries()].map(([currency, minor]) => (
          <tr key={currency}>
            <th scope="row" colSpan={3}>Total</th>
            <td className="num total" data-testid="cart-total">{formatMoney(minor, currency)}</td>
            <td />
          </tr>
        ))}
      </tfoot>
    </table>
  )
}
