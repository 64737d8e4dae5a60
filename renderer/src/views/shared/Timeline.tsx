import type { Processing } from '../../../../shared/protocol/schemas.js'
import { causeOf, causeText } from '../../lib/causes.js'
import { formatDateTime } from '../../lib/format.js'
import { EmptyState } from '../../ui/EmptyState.js'
import { StatusTrio } from './StatusTrio.js'

export interface TimelineItem {
  key: string
  time: string
  processing: Processing
}

// Every processing information of a trade, newest first.
export function Timeline({ items, emptyText }: { items: TimelineItem[]; emptyText: string }) {
  if (items.length === 0) return <EmptyState title="No updates yet">{emptyText}</EmptyState>
  const newestFirst = [...items].reverse()
  return (
    <ol className="timeline" aria-label="Processing history">
      {newestFirst.map((item, index) => {
        const d = item.processing.delivery
        const cause = causeOf(item.processing)
        return (
          <li key={item.key} className={index === 0 ? 'timeline__item timeline__item--latest' : 'timeline__item'}>
            <span className="timeline__dot" aria-hidden="true" />
            <div className="timeline__content">
              <p className="timeline__time">
                <time dateTime={item.time}>{formatDateTime(item.time, true)}</time>
                {index === 0 && <span className="timeline__latest">Latest</span>}
              </p>
              <StatusTrio processing={item.processing} caption />
              {cause != null && <p className="timeline__cause" data-cause={cause}>{causeText(cause)}</p>}
              {(d.carrier != null || d.trackingNo != null) && (
                <p className="timeline__meta">
                  {d.carrier ?? 'Carrier'} · tracking <span className="mono">{d.trackingNo ?? '—'}</span>
                </p>
              )}
              {item.processing.note != null && item.processing.note !== '' && (
                <p className="timeline__note">“{item.processing.note}”</p>
              )}
            </div>
          </li>
        )
      })}
    </ol>
  )
}
