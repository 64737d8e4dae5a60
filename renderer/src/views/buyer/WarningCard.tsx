import type { BuyerWarning } from '../../../../shared/contract/types.js'
import { formatDateTime } from '../../lib/format.js'
import { warningReason } from '../../lib/labels.js'
import { prettyJson, warningTradingId } from '../../lib/warnings.js'
import { Icon } from '../../ui/Icon.js'
import { useBuyerStore } from '../../stores/useBuyerStore.js'

// One mismatch: the reason in words, when, which trade, the stray update.
export function WarningCard({ warning, highlight }: { warning: BuyerWarning; highlight: string | null }) {
  const [title, explanation] = warningReason(warning.reason)
  const tradingId = warningTradingId(warning)
  const known = useBuyerStore((s) => tradingId != null && s.trades.some((t) => t.trading.tradingId === tradingId))
  const lit = highlight != null && highlight === tradingId

  return (
    <article className={lit ? 'warning is-highlighted' : 'warning'} aria-labelledby={`w-${warning.id}`} data-reason={warning.reason}>
      <header className="warning__header">
        <span className="warning__icon"><Icon name="warning" size={18} /></span>
        <div>
          <h2 className="warning__title" id={`w-${warning.id}`}>{title}</h2>
          <p className="warning__explain">{explanation}</p>
        </div>
        <time className="warning__time" dateTime={warning.at}>{formatDateTime(warning.at, true)}</time>
      </header>
      <dl className="details details--inline">
        <div className="details__row">
          <dt>Trading ID</dt>
          <dd>
            {tradingId == null
              ? '—'
              : known
                ? <a className="mono" href={`#/buyer/trades/${encodeURIComponent(tradingId)}`}>{tradingId}</a>
                : <span className="mono">{tradingId}</span>}
          </dd>
        </div>
        <div className="details__row">
          <dt>Details</dt>
          <dd>{warning.message}</dd>
        </div>
      </dl>
      <details className="stray">
        <summary>Show the stray update</summary>
        <pre className="stray__json">{prettyJson(warning.update)}</pre>
      </details>
    </article>
  )
}
