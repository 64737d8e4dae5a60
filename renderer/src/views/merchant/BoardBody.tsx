import type { MerchantTrade } from '../../../../shared/protocol/events.js'
import { describeError } from '../../lib/errors.js'
import { useBoardStore } from '../../stores/useBoardStore.js'
import { useShopStore } from '../../stores/useShopStore.js'
import { Button } from '../../ui/Button.js'
import { EmptyState } from '../../ui/EmptyState.js'
import { ErrorBanner } from '../../ui/ErrorBanner.js'
import { Loading } from '../../ui/Spinner.js'
import { BoardTable } from './BoardTable.js'

// The board's table, or the state that stands in for it.
export function BoardBody({ visible, selectedId }: { visible: MerchantTrade[]; selectedId: string | null }) {
  const load = useBoardStore((s) => s.load)
  const error = useBoardStore((s) => s.error)
  const total = useBoardStore((s) => s.trades.length)
  const fetch = useBoardStore((s) => s.fetch)
  const resetFilters = useBoardStore((s) => s.resetFilters)
  const running = useShopStore((s) => s.status?.running === true)
  const start = useShopStore((s) => s.start)
  const starting = useShopStore((s) => s.busy === 'start')

  if ((load === 'idle' || load === 'loading') && total === 0) {
    return <Loading label="Loading trades…" />
  }
  if (load === 'error' && total === 0) {
    if (error?.code === 'not_running' || !running) {
      return (
        <EmptyState
          icon="power"
          title="Your shop is stopped"
          action={<Button variant="primary" busy={starting} onClick={() => void start()}>Start the shop</Button>}
        >
          Start it to see your trades and take new orders.
        </EmptyState>
      )
    }
    return (
      <ErrorBanner title="Could not load the trades" onRetry={() => void fetch()}>
        {error != null ? describeError(error) : 'Unknown problem.'}
      </ErrorBanner>
    )
  }
  if (total === 0) {
    return (
      <EmptyState icon="orders" title="No trades yet">
        Orders placed by buyers appear here as soon as they arrive.
      </EmptyState>
    )
  }
  if (visible.length === 0) {
    return (
      <EmptyState
        icon="search"
        title="No trades match these filters"
        action={<Button onClick={resetFilters}>Clear filters</Button>}
      >
        Try another status, or search for part of a trading ID or a buyer’s name.
      </EmptyState>
    )
  }
  return <BoardTable trades={visible} selectedId={selectedId} />
}
