import { describeError } from '../../lib/errors.js'
import { shortId } from '../../lib/format.js'
import { useBuyerStore } from '../../stores/useBuyerStore.js'
import { Button } from '../../ui/Button.js'
import { ErrorBanner } from '../../ui/ErrorBanner.js'
import { OrderStatePill } from './OrderStatePill.js'

// What became of the order just placed; follows it live (a queued order
// turns into a placed one when the shop is back).
export function OrderResult({ requestId, onDismiss }: { requestId: string; onDismiss: () => void }) {
  const order = useBuyerStore((s) => s.orders.find((o) => o.requestId === requestId))
  if (order == null) return null

  if (order.state === 'refused') {
    return (
      <ErrorBanner title="The shop did not accept your order" onRetry={onDismiss} retryLabel="Dismiss">
        {describeError(order.error ?? { code: 'internal', message: '' })}
      </ErrorBanner>
    )
  }
  const placed = order.state === 'placed' && order.tradingId != null
  return (
    <section className={placed ? 'result result--success' : 'result result--waiting'} aria-live="polite" aria-labelledby="result-title">
      <div className="result__text">
        <h2 className="result__title" id="result-title">{placed ? 'Order placed' : 'Order saved'}</h2>
        <OrderStatePill state={order.state} />
        {placed
          ? <p>The shop accepted your order as trade <span className="mono">{shortId(order.tradingId ?? '')}</span>. You can follow its delivery and payment in My trades.</p>
          : <p>Your order is kept on this computer and goes to the shop by itself as soon as it can be reached.</p>}
      </div>
      <div className="result__actions">
        {placed
          ? <a className="btn btn--primary btn--md" href={`#/buyer/trades/${encodeURIComponent(order.tradingId ?? '')}`}>View trade</a>
          : <a className="btn btn--primary btn--md" href="#/buyer/trades">See my trades</a>}
        <Button variant="ghost" onClick={onDismiss}>Dismiss</Button>
      </div>
    </section>
  )
}
