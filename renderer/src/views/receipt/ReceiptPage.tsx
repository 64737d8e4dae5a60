import { useEffect, useRef } from 'react'
import { describeError } from '../../lib/errors.js'
import { useBoardStore } from '../../stores/useBoardStore.js'
import { Button } from '../../ui/Button.js'
import { EmptyState } from '../../ui/EmptyState.js'
import { ErrorBanner } from '../../ui/ErrorBanner.js'
import { Loading } from '../../ui/Spinner.js'
import { Receipt } from './Receipt.js'

// A trade's receipt on a page of its own (#/receipt/T-…), laid out for A4
// paper; opening it prints it once. The toolbar is not printed.
export function ReceiptPage({ tradingId, pdf = false }: { tradingId: string; pdf?: boolean }) {
  const trade = useBoardStore((s) => s.trades.find((t) => t.trading.tradingId === tradingId))
  const load = useBoardStore((s) => s.load)
  const error = useBoardStore((s) => s.error)
  const fetch = useBoardStore((s) => s.fetch)
  const printed = useRef(false)
  const back = `#/merchant/board/${encodeURIComponent(tradingId)}`

  useEffect(() => {
    if (useBoardStore.getState().load === 'idle') void fetch()
  }, [fetch])

  // Printed once the receipt is laid out (two frames: after React's).
  useEffect(() => {
    if (trade == null || printed.current || pdf) return
    printed.current = true
    requestAnimationFrame(() => requestAnimationFrame(() => window.print()))
  }, [trade, pdf])

  // Made into a PDF by the app (a hidden window): the page says when it
  // is laid out, or that it cannot be, on <html data-receipt>.
  const outcome = trade != null ? 'ready' : load === 'error' || load === 'ready' ? 'failed' : null
  useEffect(() => {
    if (!pdf || outcome == null) return
    const mark = () => { document.documentElement.dataset.receipt = outcome }
    if (outcome === 'failed') return mark()
    requestAnimationFrame(() => requestAnimationFrame(mark))
  }, [pdf, outcome])

  let body
  if (trade != null) body = <Receipt trade={trade} />
  else if (load === 'idle' || load === 'loading') body = <Loading label="Loading the receipt…" />
  else if (load === 'error') {
    body = (
      <ErrorBanner title="Could not load the trade" onRetry={() => void fetch()}>
        {error != null ? describeError(error) : 'Unknown problem.'}
      </ErrorBanner>
    )
  } else body = <EmptyState title="Trade not found">No trade {tradingId} in this shop.</EmptyState>

  return (
    <main className="receipt-page">
      <div className="receipt-page__toolbar">
        <a className="back-link" href={back}><span aria-hidden="true">← </span>Back to the trade</a>
        <Button variant="primary" disabled={trade == null} onClick={() => window.print()}>Print receipt</Button>
      </div>
      {body}
    </main>
  )
}
