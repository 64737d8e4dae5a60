import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { STATUSES, type Track } from '../../../../../shared/protocol/statuses.js'
import { plural } from '../../../lib/format.js'
import { statusLabel, statusTone, TRACK_LABELS } from '../../../lib/labels.js'
import { AXIS_TICK, CHART, TONE_FILL } from './chartTheme.js'
import { ChartFigure } from './ChartFigure.js'

// How many trades stand at each status of one track, one bar a status,
// coloured as the status pills are.
export function StatusChart({ track, counts }: { track: Track; counts: Record<string, number> }) {
  const data = STATUSES[track].map((status) => ({
    status,
    label: statusLabel(track, status),
    count: counts[status] ?? 0,
    fill: TONE_FILL[statusTone(track, status)],
  }))
  const top = [...data].sort((a, b) => b.count - a.count)[0]

  return (
    <ChartFigure
      title={`${TRACK_LABELS[track]} status`}
      summary={top != null && top.count > 0 ? `Most: ${top.label} (${plural(top.count, 'trade')})` : 'No trades'}
      table={{ head: ['Status', 'Trades'], rows: data.map((d) => [d.label, d.count]) }}
    >
      <ResponsiveContainer width="100%" height={200}>
        <BarChart data={data} layout="vertical" margin={{ top: 0, right: 16, bottom: 0, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid stroke={CHART.grid} horizontal={false} />
          <XAxis type="number" allowDecimals={false} tick={AXIS_TICK} tickLine={false} axisLine={false} />
          <YAxis type="category" dataKey="label" tick={AXIS_TICK} tickLine={false} axisLine={false} width={136} />
          <Tooltip cursor={{ fill: '#f0f2f5' }} formatter={(v) => [Number(v).toLocaleString(), 'Trades']} wrapperClassName="chart__tooltip" />
          <Bar dataKey="count" name="Trades" radius={[0, 3, 3, 0]} maxBarSize={18}>
            {data.map((d) => <Cell key={d.status} fill={d.fill} />)}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  )
}
