import type { TradingItem } from '../../../../shared/protocol/schemas.js'
import { formatMoney } from '../../lib/format.js'

interface ItemsTableProps {
  items: TradingItem[]
  currency: string
  totalMinor: number
  caption?: string
}

// A trade's contents: items, quantities, unit prices, line totals, total.
export function ItemsTable({ items, currency, totalMinor, caption = 'Contents' }: ItemsTableProps) {
  return (
    <table className="table table--compact">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Item</th>
          <th scope="col" className="num">Qty</th>
          <th scope="col" className="num">Unit price</th>
          <th scope="col" className="num">Amount</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.sku}>
            <td>
              <span className="cell-main">{item.name}</span>
              <span className="cell-sub mono">{item.sku}</span>
            </td>
            <td className="num">{item.quantity}</td>
            <td className="num">{formatMoney(item.unitPriceMinor, currency)}</td>
            <td className="num">{formatMoney(item.unitPriceMinor * item.quantity, currency)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colSpan={3}>Total</th>
          <td className="num total">{formatMoney(totalMinor, currency)}</td>
        </tr>
      </tfoot>
    </table>
  )
}
