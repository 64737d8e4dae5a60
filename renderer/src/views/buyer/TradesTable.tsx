import type { BuyerTrade } from '../../../../shared/contract/types.js'
import { formatDateTime, formatMoney, shortId } from '../../lib/format.js'
import { TonePill } from '../../ui/Badge.js'
import { StatusTrio } from '../shared/StatusTrio.js'

// The buyer's trades, newest first, with their three statuses.
export function TradesTable({ trades }: { trades: BuyerTrade[] }) {
  return (
    <div className="table-wrap">
      <table className="table table--rows">
        <caption className="sr-only">Your trades</caption>
        <thead>
          <tr>
            <th scope="col">Trading ID</th>
            <th scope="col">Placed</th>
            <th scope="col">Items</th>
            <th scope="col" className="num">Total</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {trades.map(({ trading, present }) => {
            const href = `#/buyer/trades/${encodeURIComponent(trading.tradingId)}`
            const count = trading.items.reduce((n, i) => n + i.quantity, 0)
            return (
              <tr key={trading.tradingId} data-trading-id={trading.tradingId}>
                <td>
                  <a className="id-link mono" href={href} title={trading.tradingId} aria-label={`Trade ${trading.tradingId}`}>
                    {shortId(trading.tradingId)}
                  </a>
                </td>
                <td className="muted">{formatDateTime(trading.placedAt)}</td>
                <td>
                  <span className="cell-main">{trading.items[0]?.name}{trading.items.length > 1 ? ` + ${trading.items.length - 1} more` : ''}</span>
                  <span className="cell-sub">{count} {count === 1 ? 'item' : 'items'}</span>
                </td>
                <td className="num strong">{formatMoney(trading.totalMinor, trading.currency)}</td>
                <td>
                  {present != null ? <StatusTrio processing={present} /> : <TonePill tone="neutral">Awaiting the first update</TonePill>}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
