import { Cell, Pie, PieChart, ResponsiveContainer, Tooltip } from 'recharts'
import type { Dashboard } from '../../../../../shared/contract/operations.js'
import { TRADE_STATE_LABELS } from '../../../lib/labels.js'
import { TONE_FILL } from './chartTheme.js'
import { ChartFigure } from './ChartFigure.js'

const ORDER = ['open', 'complete', 'closed'] as const
const FILL = { open: TONE_FILL.primary, complete: TONE_FILL.success, closed: TONE_FILL.neutral }

// Open against complete and closed trades, as a donut with its legend.
export function StatesDonut({ states }: { states: Dashboard['states'] }) {
  const total = states.open + states.complete + states.closed
  const data = ORDER.map((state) => ({ state, label: TRADE_STATE_LABELS[state][0], value: states[state] }))
  const share = (n: number) => (total === 0 ? '0%' : `${Math.round((n / total) * 100)}%`)

  return (
    <ChartFigure
      title="Open, complete and closed"
      summary={`${total.toLocaleString()} trades in all`}
      table={{ head: ['State', 'Trades', 'Share'], rows: data.map((d) => [d.label, d.value, share(d.value)]) }}
    >
      <div className="donut">
        <ResponsiveContainer width="100%" height={200}>
          <PieChart accessibilityLayer={false}>
            <Pie data={data} dataKey="value" nameKey="label" innerRadius="58%" outerRadius="88%" paddingAngle={1} stroke="none" isAnimationActive={false} rootTabIndex={-1}>
              {data.map((d) => <Cell key={d.state} fill={FILL[d.state]} />)}
            </Pie>
            <Tooltip formatter={(v, name) => [Number(v).toLocaleString(), name]} wrapperClassName="chart__tooltip" />
          </PieChart>
        </ResponsiveContainer>
        <ul className="legend">
          {data.map((d) => (
            <li key={d.state} className={`legend__item legend__item--${d.state}`}>
              <span className="legend__swatch" />
              <span className="legend__label">{d.label}</span>
              <span className="legend__value">{d.value.toLocaleString()}</span>
              <span className="legend__share">{share(d.value)}</span>
            </li>
          ))}
        </ul>
      </div>
    </ChartFigure>
  )
}
