import type { Dashboard } from '../../../../../shared/contract/operations.js'
import { navigate } from '../../../app/route.js'
import { formatMoney } from '../../../lib/format.js'
import { useAttentionStore } from '../../../stores/useAttentionStore.js'
import { useBoardStore } from '../../../stores/useBoardStore.js'
import { Button } from '../../../ui/Button.js'

// The period's headline numbers, and how many trades need attention now
// (counted in the page, like the board's flag and the nav badge).
export function KpiRow({ data, days }: { data: Dashboard; days: number }) {
  const attention = useAttentionStore((s) => s.overdue.size)
  const orders = data.perDay.reduce((n, d) => n + d.orders, 0)
  const revenue = data.perDay.reduce((n, d) => n + d.revenueMinor, 0)

  function showAttention() {
    useBoardStore.getState().setFilters({ attention: true })
    navigate('#/merchant/board')
  }

  return (
    <dl className="kpis">
      <div className="kpi">
        <dt className="kpi__label">Orders, last {days} days</dt>
        <dd className="kpi__value" data-testid="kpi-orders">{orders.toLocaleString()}</dd>
      </div>
      <div className="kpi">
        <dt className="kpi__label">Revenue, last {days} days</dt>
        <dd className="kpi__value" data-testid="kpi-revenue">{formatMoney(revenue, data.currency)}</dd>
      </div>
      <div className="kpi">
        <dt className="kpi__label">Open trades</dt>
        <dd className="kpi__value">{data.states.open.toLocaleString()}</dd>
      </div>
      <div className={attention > 0 ? 'kpi kpi--alert' : 'kpi'}>
        <dt className="kpi__label">Need attention</dt>
        <dd className="kpi__value" data-testid="kpi-attention">
          {attention.toLocaleString()}
          {attention > 0 && <Button size="sm" variant="ghost" onClick={showAttention}>Show on the board</Button>}
        </dd>
      </div>
    </dl>
  )
}
