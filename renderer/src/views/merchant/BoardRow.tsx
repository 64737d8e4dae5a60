import { memo } from 'react'
import type { MerchantTrade } from '../../../../shared/protocol/events.js'
import { navigate } from '../../app/route.js'
import { formatDateTime, formatMoney, shortId } from '../../lib/format.js'
import type { Waiting } from '../../lib/attention.js'
import { StatusPill } from '../../ui/Badge.js'
import { useCssProps } from '../../ui/useCssom.js'
import { AttentionFlag } from './AttentionFlag.js'

interface BoardRowProps {
  trade: MerchantTrade
  index: number
  offset: number
  selected: boolean
  waiting: Waiting[] | null
}

// One trade on the board; the trading ID links to its detail panel.
export const BoardRow = memo(function BoardRow({ trade, index, offset, selected, waiting }: BoardRowProps) {
  const ref = useCssProps<HTMLDivElement>({ transform: `translateY(${offset}px)` })
  const { trading, processing } = trade
  const href = `#/merchant/board/${encodeURIComponent(trading.tradingId)}`

  return (
    <div
      ref={ref}
      role="row"
      aria-rowindex={index + 2}
      className={['vtable__row vtable__row--body', selected ? 'is-selected' : '', waiting != null ? 'is-overdue' : ''].filter(Boolean).join(' ')}
      data-trading-id={trading.tradingId}
      onClick={(e) => {
        if (!(e.target instanceof HTMLAnchorElement)) navigate(href)
      }}
    >
      <span role="cell" className="cell-stack">
        <a className="id-link mono" href={href} title={trading.tradingId} aria-label={`Trade ${trading.tradingId}`} aria-current={selected || undefined}>
          {shortId(trading.tradingId)}
        </a>
        {waiting != null && <AttentionFlag waiting={waiting} />}
      </span>
      <span role="cell" className="muted">{formatDateTime(trading.placedAt)}</span>
      <span role="cell" className="cell-stack">
        <span className="cell-main">{trading.shipTo.name}</span>
        <span className="cell-sub mono" title={trading.buyerId}>{shortId(trading.buyerId)}</span>
      </span>
      <span role="cell" className="num strong">{formatMoney(trading.totalMinor, trading.currency)}</span>
      <span role="cell"><StatusPill track="order" status={processing.order.status} /></span>
      <span role="cell"><StatusPill track="delivery" status={processing.delivery.status} /></span>
      <span role="cell"><StatusPill track="payment" status={processing.payment.status} /></span>
    </div>
  )
})
