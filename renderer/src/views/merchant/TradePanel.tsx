import { useEffect, useRef } from 'react'
import { navigate } from '../../app/route.js'
import { formatDateTime, shortId } from '../../lib/format.js'
import { TRADE_STATE_LABELS } from '../../lib/labels.js'
import { statusesOf } from '../../lib/moves.js'
import { tradeState } from '../../../../shared/protocol/trade-state.js'
import { useAttentionStore } from '../../stores/useAttentionStore.js'
import { useBoardStore } from '../../stores/useBoardStore.js'
import { TonePill } from '../../ui/Badge.js'
import { Button } from '../../ui/Button.js'
import { Icon } from '../../ui/Icon.js'
import { EmptyState } from '../../ui/EmptyState.js'
import { Loading } from '../../ui/Spinner.js'
import { ItemsTable } from '../shared/ItemsTable.js'
import { Timeline } from '../shared/Timeline.js'
import { AttentionFlag } from './AttentionFlag.js'
import { ReceiptButton } from './ReceiptButton.js'
import { SettleActions } from './SettleActions.js'
import { TradeFacts } from './TradeFacts.js'
import { TradeActions } from './TradeActions.js'

const BOARD = '#/merchant/board'

// One trade in a side panel: what to do next, contents, ship-to, history.
export function TradePanel({ tradingId }: { tradingId: string }) {
  const trade = useBoardStore((s) => s.trades.find((t) => t.trading.tradingId === tradingId))
  const load = useBoardStore((s) => s.load)
  const waiting = useAttentionStore((s) => s.overdue.get(tradingId))

  // Focus moves to the trade that was opened, for keyboard users.
  const titleRef = useRef<HTMLHeadingElement>(null)
  const found = trade != null
  useEffect(() => {
    if (found) titleRef.current?.focus({ preventScroll: true })
  }, [tradingId, found])

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.key === 'Escape' && document.querySelector('dialog[open]') == null) navigate(BOARD)
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [])

  const close = (
    <Button variant="ghost" className="panel__close" aria-label="Close trade details" onClick={() => navigate(BOARD)}>
      <Icon name="close" size={18} />
    </Button>
  )

  if (trade == null) {
    return (
      <aside className="panel" aria-label="Trade details">
        <div className="panel__header"><h2 className="panel__title">Trade</h2>{close}</div>
        {load === 'loading' || load === 'idle'
          ? <Loading label="Loading the trade…" />
          : <EmptyState title="Trade not found">No trade {shortId(tradingId)} in this shop.</EmptyState>}
      </aside>
    )
  }

  const { trading, processing, history } = trade
  const [stateLabel, stateTone] = TRADE_STATE_LABELS[tradeState(statusesOf(processing))]

  return (
    <aside className="panel" aria-labelledby="trade-panel-title">
      <div className="panel__header">
        <div className="panel__heading">
          <p className="eyebrow">Trade · placed {formatDateTime(trading.placedAt)}</p>
          <h2 className="panel__title mono" id="trade-panel-title" tabIndex={-1} ref={titleRef}>{trading.tradingId}</h2>
          <span className="panel__flags">
            <TonePill tone={stateTone} testId="trade-state">{stateLabel}</TonePill>
            {waiting != null && <AttentionFlag waiting={waiting} />}
          </span>
          <ReceiptButton tradingId={trading.tradingId} />
        </div>
        {close}
      </div>
      <div className="panel__body">
        <TradeActions key={trading.tradingId} trading={trading} processing={processing} />
        <SettleActions key={`settle-${trading.tradingId}`} trading={trading} processing={processing} />
        <section className="panel__section" aria-labelledby="panel-contents">
          <h3 className="section-title" id="panel-contents">Contents</h3>
          <ItemsTable items={trading.items} currency={trading.currency} totalMinor={trading.totalMinor} />
        </section>
        <TradeFacts trading={trading} processing={processing} />
        <section className="panel__section" aria-labelledby="panel-history">
          <h3 className="section-title" id="panel-history">History</h3>
          <Timeline
            items={history.map((p, i) => ({ key: `${i}-${p.updatedAt}`, time: p.updatedAt, processing: p }))}
            emptyText="Status changes appear here."
          />
        </section>
      </div>
    </aside>
  )
}
