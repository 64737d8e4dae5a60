import { formatDateTime, plural } from '../../lib/format.js'
import { paymentMethodLabel } from '../../lib/labels.js'
import { warningTradingId } from '../../lib/warnings.js'
import { useBuyerStore } from '../../stores/useBuyerStore.js'
import { TonePill } from '../../ui/Badge.js'
import { Card } from '../../ui/Card.js'
import { EmptyState } from '../../ui/EmptyState.js'
import { ErrorBanner } from '../../ui/ErrorBanner.js'
import { PageHeader } from '../../ui/Shell.js'
import { DetailList } from '../shared/DetailList.js'
import { ItemsTable } from '../shared/ItemsTable.js'
import { StatusTrio } from '../shared/StatusTrio.js'
import { Timeline } from '../shared/Timeline.js'

const BACK = { href: '#/buyer/trades', label: 'All trades' }

// One trade: contents, ship-to, parcel, and every update received.
export function BuyerTradeDetail({ tradingId }: { tradingId: string }) {
  const trade = useBuyerStore((s) => s.trades.find((t) => t.trading.tradingId === tradingId))
  const warnings = useBuyerStore((s) => s.warnings.filter((w) => warningTradingId(w) === tradingId).length)

  if (trade == null) {
    return (
      <div className="page">
        <PageHeader title="Trade not found" back={BACK} />
        <EmptyState title="No such trade">There is no trade {tradingId} at this shop.</EmptyState>
      </div>
    )
  }
  const { trading, present, timeline } = trade
  const d = present?.delivery

  return (
    <div className="page">
      <PageHeader
        title="Trade"
        back={BACK}
        description={<>
          <span className="mono selectable" data-testid="trading-id">{trading.tradingId}</span> · placed {formatDateTime(trading.placedAt)}
        </>}
        actions={present != null ? <StatusTrio processing={present} caption /> : <TonePill tone="neutral">Awaiting the first update</TonePill>}
      />
      {warnings > 0 && (
        <ErrorBanner tone="warning" title={`${plural(warnings, 'warning')} about this trade`}>
          The shop sent updates for this trade that did not match it; they were not applied.{' '}
          <a href={`#/buyer/warnings/${encodeURIComponent(tradingId)}`}>See the warnings</a>
        </ErrorBanner>
      )}
      <div className="detail-grid">
        <Card title="Contents" flush>
          <ItemsTable items={trading.items} currency={trading.currency} totalMinor={trading.totalMinor} />
        </Card>
        <Card title="Delivery and payment">
          <DetailList
            rows={[
              ['Ship to', trading.shipTo.name],
              ['Address', <span className="pre-line">{trading.shipTo.address}</span>],
              ['Payment method', paymentMethodLabel(trading.payment.method)],
              ['Carrier', d?.carrier ?? 'Not shipped yet'],
              ['Tracking number', d?.trackingNo != null ? <span className="mono selectable">{d.trackingNo}</span> : '—'],
            ]}
          />
        </Card>
        <Card title="Timeline" className="span-2">
          <Timeline
            items={timeline.map((e, i) => ({ key: `${e.seq ?? 'x'}-${i}`, time: e.receivedAt, processing: e.processing }))}
            emptyText="Every status update the shop sends for this trade appears here."
          />
        </Card>
      </div>
    </div>
  )
}
