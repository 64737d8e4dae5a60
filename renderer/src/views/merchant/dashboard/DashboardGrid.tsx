import type { Dashboard } from '../../../../../shared/contract/operations.js'
import { TRACKS } from '../../../../../shared/protocol/statuses.js'
import { KpiRow } from './KpiRow.js'
import { LowStockList } from './LowStockList.js'
import { SalesChart } from './SalesChart.js'
import { StatesDonut } from './StatesDonut.js'
import { StatusChart } from './StatusChart.js'
import { TopProducts } from './TopProducts.js'

// The dashboard's figures laid out: headline numbers, sales per day,
// statuses per track, trade states, best sellers and low stock.
export function DashboardGrid({ data, days }: { data: Dashboard; days: number }) {
  return (
    <>
      <KpiRow data={data} days={days} />
      <div className="dash-grid">
        <SalesChart perDay={data.perDay} currency={data.currency} timeZone={data.timeZone} />
        {TRACKS.map((track) => <StatusChart key={track} track={track} counts={data.byStatus[track]} />)}
        <TopProducts products={data.topProducts} currency={data.currency} className="dash-grid__wide" />
        <StatesDonut states={data.states} />
        <LowStockList items={data.lowStock} className="dash-grid__full" />
      </div>
    </>
  )
}
