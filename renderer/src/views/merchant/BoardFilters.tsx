import { useMemo } from 'react'
import type { MerchantTrade } from '../../../../shared/protocol/events.js'
import { STATUSES, TRACKS, type Track } from '../../../../shared/protocol/statuses.js'
import { tradeState, type TradeState } from '../../../../shared/protocol/trade-state.js'
import { ANY, isFiltered, type BoardFilters as Filters } from '../../lib/boardFilter.js'
import { statusLabel, TRACK_LABELS } from '../../lib/labels.js'
import { statusesOf } from '../../lib/moves.js'
import { useBoardStore } from '../../stores/useBoardStore.js'
import { Button } from '../../ui/Button.js'
import { Icon } from '../../ui/Icon.js'
import { SelectField, TextField } from '../../ui/Field.js'

const STATES: [Filters['state'], string][] = [
  ['all', 'All'],
  ['open', 'Open'],
  ['complete', 'Complete'],
  ['closed', 'Closed'],
]

function countStates(trades: MerchantTrade[]): Record<Filters['state'], number> {
  const counts = { all: trades.length, open: 0, complete: 0, closed: 0 }
  for (const t of trades) counts[tradeState(statusesOf(t.processing)) as TradeState]++
  return counts
}

// The board's filters: trade state, each track's status, and search.
export function BoardFilters({ trades, overdue }: { trades: MerchantTrade[]; overdue: number }) {
  const filters = useBoardStore((s) => s.filters)
  const setFilters = useBoardStore((s) => s.setFilters)
  const reset = useBoardStore((s) => s.resetFilters)
  const counts = useMemo(() => countStates(trades), [trades])

  return (
    <div className="filters">
      <div className="filters__top">
        <fieldset className="segmented">
          <legend className="sr-only">Trade state</legend>
          {STATES.map(([value, label]) => (
            <label key={value} className={filters.state === value ? 'segmented__option is-on' : 'segmented__option'}>
              <input
                type="radio"
                name="trade-state"
                value={value}
                checked={filters.state === value}
                onChange={() => setFilters({ state: value })}
              />
              {label}
              <span className="segmented__count" aria-hidden="true">{counts[value].toLocaleString()}</span>
            </label>
          ))}
        </fieldset>
        <AttentionToggle on={filters.attention} count={overdue} onChange={(attention) => setFilters({ attention })} />
      </div>
      <div className="filters__row">
        <TextField
          label="Search trades"
          type="search"
          placeholder="Trading ID, buyer ID or name"
          value={filters.query}
          onChange={(e) => setFilters({ query: e.target.value })}
          fieldClassName="filters__search"
        />
        {TRACKS.map((track) => (
          <TrackFilter key={track} track={track} value={filters[track]} onChange={(v) => setFilters({ [track]: v })} />
        ))}
        {isFiltered(filters) && (
          <Button variant="ghost" className="filters__clear" onClick={reset}>Clear filters</Button>
        )}
      </div>
    </div>
  )
}

function TrackFilter({ track, value, onChange }: { track: Track; value: string; onChange: (v: string) => void }) {
  const options = [
    { value: ANY, label: 'Any' },
    ...STATUSES[track].map((s) => ({ value: s, label: statusLabel(track, s) })),
  ]
  return (
    <SelectField
      label={`${TRACK_LABELS[track]} status`}
      value={value}
      options={options}
      onChange={(e) => onChange(e.target.value)}
    />
  )
}

// "Needs attention": only trades waiting longer than their threshold.
function AttentionToggle({ on, count, onChange }: { on: boolean; count: number; onChange: (on: boolean) => void }) {
  return (
    <label className={on ? 'toggle-chip is-on' : 'toggle-chip'}>
      <input type="checkbox" checked={on} onChange={(e) => onChange(e.target.checked)} />
      <Icon name="clock" size={16} />
      Needs attention
      <span className={count > 0 ? 'toggle-chip__count is-hot' : 'toggle-chip__count'} aria-hidden="true">
        {count.toLocaleString()}
      </span>
    </label>
  )
}
