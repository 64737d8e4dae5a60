import { useRef } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { MerchantTrade } from '../../../../shared/protocol/events.js'
import { useAttentionStore } from '../../stores/useAttentionStore.js'
import { useCssProps } from '../../ui/useCssom.js'
import { BoardRow } from './BoardRow.js'
import { useRowSlots } from './useRowSlots.js'

const ROW_HEIGHT = 56
const HEAD_HEIGHT = 40

// A virtualised table: only the rows in view exist in the page, so ten
// thousand trades scroll smoothly. Rows are placed through the CSSOM.
export function BoardTable({ trades, selectedId }: { trades: MerchantTrade[]; selectedId: string | null }) {
  const scrollRef = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({
    count: trades.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    scrollMargin: HEAD_HEIGHT,
  })
  const bodyRef = useCssProps<HTMLDivElement>({ height: `${virtualizer.getTotalSize()}px` })
  const overdue = useAttentionStore((s) => s.overdue)
  const items = virtualizer.getVirtualItems()
  // Rows are keyed by slot, not by trade: scrolling reuses their DOM nodes.
  // While the list scrolls they also keep their place in the DOM, and only
  // their contents change (moving a row costs the browser a new style and
  // layout of all its elements); once it rests, they are put back in
  // reading order, for the keyboard and screen readers.
  const slots = useRowSlots(items.map((item) => item.index))
  const rows = items.map((item, i) => ({ item, slot: slots[i]! }))
  if (virtualizer.isScrolling) rows.sort((a, b) => a.slot - b.slot)

  return (
    <div className="vtable" ref={scrollRef} role="table" aria-label="Trades" aria-rowcount={trades.length + 1}>
      <div role="rowgroup" className="vtable__head">
        <div role="row" aria-rowindex={1} className="vtable__row vtable__row--head">
          <span role="columnheader">Trading ID</span>
          <span role="columnheader">Placed</span>
          <span role="columnheader">Buyer</span>
          <span role="columnheader" className="num">Total</span>
          <span role="columnheader">Order</span>
          <span role="columnheader">Delivery</span>
          <span role="columnheader">Payment</span>
        </div>
      </div>
      <div role="rowgroup" className="vtable__body" ref={bodyRef}>
        {rows.map(({ item, slot }) => {
          const trade = trades[item.index]
          if (trade == null) return null
          return (
            <BoardRow
              key={slot}
              trade={trade}
              index={item.index}
              offset={item.start - HEAD_HEIGHT}
              selected={trade.trading.tradingId === selectedId}
              waiting={overdue.get(trade.trading.tradingId) ?? null}
            />
          )
        })}
      </div>
    </div>
  )
}
