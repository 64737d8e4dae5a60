import { Bar, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { DayFigure } from '../../../../../shared/contract/operations.js'
import { formatMoney, plural } from '../../../lib/format.js'
import { AXIS_TICK, CHART, compactMoney, dayLabel } from './chartTheme.js'
import { ChartFigure } from './ChartFigure.js'

// Orders (bars, left axis) and revenue (line, right axis) per day.
export function SalesChart({ perDay, currency, timeZone }: { perDay: DayFigure[]; currency: string; timeZone: string }) {
  const orders = perDay.reduce((n, d) => n + d.orders, 0)
  const revenue = perDay.reduce((n, d) => n + d.revenueMinor, 0)
  const data = perDay.map((d) => ({ ...d, label: dayLabel(d.day) }))

  return (
    <ChartFigure
      title="Orders and revenue per day"
      summary={`${plural(orders, 'order')}, ${formatMoney(revenue, currency)} in ${plural(perDay.length, 'day')} (${zoneNote(timeZone)}; cancelled orders not counted)`}
      table={{
        head: ['Day', 'Orders', 'Revenue'],
        rows: perDay.map((d) => [dayLabel(d.day), d.orders, formatMoney(d.revenueMinor, currency)]),
      }}
      className="chart--wide"
    >
      <ResponsiveContainer width="100%" height={260}>
        <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid stroke={CHART.grid} vertical={false} />
          <XAxis dataKey="label" tick={AXIS_TICK} tickLine={false} axisLine={{ stroke: CHART.grid }} minTickGap={16} />
          <YAxis yAxisId="orders" allowDecimals={false} tick={AXIS_TICK} tickLine={false} axisLine={false} width={36} />
          <YAxis
            yAxisId="revenue"
            orientation="right"
            tick={AXIS_TICK}
            tickLine={false}
            axisLine={false}
            width={64}
            tickFormatter={(v: number) => compactMoney(v, currency)}
          />
          <Tooltip
            formatter={(value, name) => (name === 'Revenue'
              ? [formatMoney(Number(value), currency), name]
              : [Number(value).toLocaleString(), name])}
            labelClassName="chart__tooltip-label"
            wrapperClassName="chart__tooltip"
          />
          <Bar yAxisId="orders" dataKey="orders" name="Orders" fill={CHART.primary} radius={[3, 3, 0, 0]} maxBarSize={28} />
          <Line yAxisId="revenue" dataKey="revenueMinor" name="Revenue" stroke={CHART.accent} strokeWidth={2} dot={false} type="monotone" />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFigure>
  )
}

// Whose calendar the days are: "days in Europe/Berlin time", "UTC days".
function zoneNote(timeZone: string): string {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return 'UTC days'
  return `days in ${timeZone.replace(/_/g, ' ')} time`
}
