import { useEffect } from 'react'
import { describeError } from '../../../lib/errors.js'
import { useBoardStore } from '../../../stores/useBoardStore.js'
import { useDashboardStore } from '../../../stores/useDashboardStore.js'
import { Button } from '../../../ui/Button.js'
import { EmptyState } from '../../../ui/EmptyState.js'
import { ErrorBanner } from '../../../ui/ErrorBanner.js'
import { PageHeader } from '../../../ui/Shell.js'
import { Loading } from '../../../ui/Spinner.js'
import { DashboardGrid } from './DashboardGrid.js'
import { PeriodPicker } from './PeriodPicker.js'

// Quiet refresh this long after the trades last changed.
const SETTLE_MS = 1500

// How the shop is doing over the last 7, 30 or 90 days.
export function DashboardView() {
  const data = useDashboardStore((s) => s.data)
  const dataDays = useDashboardStore((s) => s.dataDays)
  const load = useDashboardStore((s) => s.load)
  const error = useDashboardStore((s) => s.error)
  const fetch = useDashboardStore((s) => s.fetch)
  const trades = useBoardStore((s) => s.trades)

  useEffect(() => {
    void fetch(useDashboardStore.getState().data != null)
  }, [fetch])

  // The figures follow the trades as they change, without a spinner.
  useEffect(() => {
    if (useDashboardStore.getState().data == null) return
    const timer = setTimeout(() => void fetch(true), SETTLE_MS)
    return () => clearTimeout(timer)
  }, [trades, fetch])

  const total = data != null ? data.states.open + data.states.complete + data.states.closed : 0
  let body
  if (data == null && load === 'error') {
    body = (
      <ErrorBanner title="Could not load the dashboard" onRetry={() => void fetch()}>
        {error != null ? describeError(error) : 'Unknown problem.'}
      </ErrorBanner>
    )
  } else if (data == null) body = <Loading label="Loading the figures…" />
  else if (total === 0) {
    body = (
      <EmptyState
        icon="chart"
        title="Nothing to chart yet"
        action={<a className="btn btn--secondary btn--md" href="#/merchant/training">Try the demo shop</a>}
      >
        Your figures appear here once buyers place orders.
      </EmptyState>
    )
  } else body = <DashboardGrid data={data} days={dataDays ?? 30} />

  return (
    <div className="page" aria-busy={load === 'loading' || undefined}>
      <PageHeader
        title="Dashboard"
        description="Orders, revenue and where your trades stand"
        actions={
          <>
            <PeriodPicker />
            <Button busy={load === 'loading'} onClick={() => void fetch()}>Refresh</Button>
          </>
        }
      />
      {data != null && load === 'error' && error != null && (
        <ErrorBanner tone="warning" title="Showing the figures as last loaded" onRetry={() => void fetch()}>
          {describeError(error)}
        </ErrorBanner>
      )}
      {body}
    </div>
  )
}
