import { useBuyerStore } from '../../stores/useBuyerStore.js'
import { Card } from '../../ui/Card.js'
import { EmptyState } from '../../ui/EmptyState.js'
import { PageHeader } from '../../ui/Shell.js'
import { ExportFileButton } from './ExportFileButton.js'
import { PendingOrders } from './PendingOrders.js'
import { RefusedOrders } from './RefusedOrders.js'
import { TradesTable } from './TradesTable.js'

// Every trade at this shop, with orders still waiting for the shop on top.
export function MyTrades() {
  const trades = useBuyerStore((s) => s.trades)
  const orders = useBuyerStore((s) => s.orders)
  const pending = orders.filter((o) => o.state === 'queued' || o.state === 'sent')
  const refused = orders.filter((o) => o.state === 'refused')

  return (
    <div className="page">
      <PageHeader
        title="My trades"
        description="Your orders at this shop, with their order, delivery and payment status. Updates arrive by themselves."
        actions={<ExportFileButton />}
      />
      {pending.length > 0 && <PendingOrders orders={pending} />}
      <Card title="Trades" flush>
        {trades.length === 0
          ? (
            <EmptyState
              icon="orders"
              title="No trades yet"
              action={<a className="btn btn--primary btn--md" href="#/buyer/catalog">Browse the catalog</a>}
            >
              Orders the shop accepts appear here, and follow their delivery and payment live.
            </EmptyState>
          )
          : <TradesTable trades={trades} />}
      </Card>
      {refused.length > 0 && <RefusedOrders orders={refused} />}
    </div>
  )
}
