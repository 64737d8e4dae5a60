import { useEffect, useMemo } from 'react'
import { filterTrades, isFiltered } from '../../lib/boardFilter.js'
import { plural } from '../../lib/format.js'
import { useAttentionStore } from '../../stores/useAttentionStore.js'
import { useBoardStore } from '../../stores/useBoardStore.js'
import { Button } from '../../ui/Button.js'
import { PageHeader } from '../../ui/Shell.js'
import { BoardFilters } from './BoardFilters.js'
import { BoardBody } from './BoardBody.js'
import { ExportCsvButton } from './ExportCsvButton.js'
import { TradePanel } from './TradePanel.js'

// All the shop's trades, newest first, filtered and searchable; the
// selected trade opens in a side panel.
export function OrderBoard({ tradingId }: { tradingId: string | null }) {
  const trades = useBoardStore((s) => s.trades)
  const filters = useBoardStore((s) => s.filters)
  const load = useBoardStore((s) => s.load)
  const fetch = useBoardStore((s) => s.fetch)
  const overdue = useAttentionStore((s) => s.overdue)

  // Once loaded, the trades are kept live by the shop's events (and
  // fetched again when the shop restarts, or on Refresh): opening the
  // board does not fetch every trade again.
  useEffect(() => {
    const state = useBoardStore.getState()
    if (state.load === 'idle' || state.load === 'error') void state.fetch()
  }, [fetch])

  const visible = useMemo(() => filterTrades(trades, filters, overdue), [trades, filters, overdue])
  const summary = isFiltered(filters)
    ? `${visible.length.toLocaleString()} of ${plural(trades.length, 'trade')} shown`
    : `${plural(trades.length, 'trade')}, newest first`

  return (
    <div className={tradingId != null ? 'board board--with-panel' : 'board'}>
      <div className="board__main">
        <PageHeader
          title="Orders"
          description={load === 'ready' ? summary : 'Every trade of your shop'}
          actions={
            <>
              <ExportCsvButton trades={visible} />
              <Button busy={load === 'loading'} onClick={() => void fetch()}>Refresh</Button>
            </>
          }
        />
        <BoardFilters trades={trades} overdue={overdue.size} />
        <BoardBody visible={visible} selectedId={tradingId} />
      </div>
      {tradingId != null && <TradePanel tradingId={tradingId} />}
    </div>
  )
}
