import type { MerchantTrade } from '../../../../shared/protocol/events.js'
import { TRACKS } from '../../../../shared/protocol/statuses.js'
import { formatDateTime } from '../../lib/format.js'
import { paymentMethodLabel, statusLabel, TRACK_LABELS } from '../../lib/labels.js'
import { useShopStore } from '../../stores/useShopStore.js'
import { DetailList } from '../shared/DetailList.js'
import { ItemsTable } from '../shared/ItemsTable.js'

// The receipt itself: shop, trading ID, date, items and total, ship-to,
// payment method and where each track stands. Plain text, no colour: it
// is meant for paper.
export function Receipt({ trade }: { trade: MerchantTrade }) {
  const shopUrl = useShopStore((s) => s.status?.url ?? null)
  const { trading, processing } = trade
  const d = processing.delivery

  return (
    <article className="receipt" aria-labelledby="receipt-title">
      <header className="receipt__header">
        <div className="receipt__shop">
          <span className="brand__mark" aria-hidden="true">T</span>
          <div>
            <p className="receipt__shop-name">Tradepost shop</p>
            {shopUrl != null && <p className="receipt__muted mono">{shopUrl}</p>}
          </div>
        </div>
        <div className="receipt__title-block">
          <h1 className="receipt__title" id="receipt-title">Receipt</h1>
          <p className="mono receipt__id" data-testid="receipt-trading-id">{trading.tradingId}</p>
          <p className="receipt__muted">Placed {formatDateTime(trading.placedAt)}</p>
        </div>
      </header>

      <div className="receipt__columns">
        <section aria-labelledby="receipt-shipto">
          <h2 className="receipt__heading" id="receipt-shipto">Ship to</h2>
          <p className="strong">{trading.shipTo.name}</p>
          <p className="pre-line">{trading.shipTo.address}</p>
          <p className="receipt__muted">Buyer <span className="mono">{trading.buyerId}</span></p>
        </section>
        <section aria-labelledby="receipt-status">
          <h2 className="receipt__heading" id="receipt-status">Payment and status</h2>
          <DetailList
            rows={[
              ['Payment method', paymentMethodLabel(trading.payment.method)],
              ...TRACKS.map((t): [string, string] => [TRACK_LABELS[t], statusLabel(t, processing[t].status)]),
              ...(d.carrier != null || d.trackingNo != null
                ? [['Parcel', `${d.carrier ?? 'Carrier'} · ${d.trackingNo ?? '—'}`] as [string, string]]
                : []),
              ['As of', formatDateTime(processing.updatedAt)],
            ]}
          />
        </section>
      </div>

      <section aria-labelledby="receipt-items">
        <h2 className="receipt__heading" id="receipt-items">Items</h2>
        <ItemsTable items={trading.items} currency={trading.currency} totalMinor={trading.totalMinor} caption="Items" />
      </section>

      <footer className="receipt__footer">
        <p>Thank you for your order.</p>
        <p className="receipt__muted">Printed {formatDateTime(new Date().toISOString())}</p>
      </footer>
    </article>
  )
}
