import type { Processing, Trading } from '../../../../shared/protocol/schemas.js'
import { paymentMethodLabel } from '../../lib/labels.js'
import { DetailList } from '../shared/DetailList.js'

// Ship-to, buyer, payment method and parcel of a trade.
export function TradeFacts({ trading, processing }: { trading: Trading; processing: Processing }) {
  const d = processing.delivery
  return (
    <section className="panel__section" aria-labelledby="panel-shipto">
      <h3 className="section-title" id="panel-shipto">Ship to</h3>
      <DetailList
        rows={[
          ['Name', trading.shipTo.name],
          ['Address', <span className="pre-line">{trading.shipTo.address}</span>],
          ['Buyer ID', <span className="mono">{trading.buyerId}</span>],
          ['Payment method', paymentMethodLabel(trading.payment.method)],
          ['Carrier', d.carrier ?? '—'],
          ['Tracking number', d.trackingNo != null ? <span className="mono">{d.trackingNo}</span> : '—'],
        ]}
      />
    </section>
  )
}
