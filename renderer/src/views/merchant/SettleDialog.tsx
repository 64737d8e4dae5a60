import type { Processing, Trading } from '../../../../shared/protocol/schemas.js'
import { formatMoney, shortId } from '../../lib/format.js'
import { statusesOf } from '../../lib/moves.js'
import type { SettleKind } from '../../lib/settle.js'
import { Button } from '../../ui/Button.js'
import { Dialog } from '../../ui/Dialog.js'
import { ErrorBanner } from '../../ui/ErrorBanner.js'
import { SettleSteps } from './SettleSteps.js'
import { useSettleRun } from './useSettleRun.js'

const COPY: Record<SettleKind, { title: string; text: string; confirm: string }> = {
  return: {
    title: 'Return and refund this trade?',
    text: 'Use this when the parcel comes back. The parcel is marked returned, the buyer’s money is given back ' +
      '(refunded if it was captured, the authorization voided if not), and the order is cancelled so its items go ' +
      'back into stock. The buyer sees each step.',
    confirm: 'Yes, return and refund',
  },
  cancel: {
    title: 'Cancel and refund this trade?',
    text: 'Nothing has shipped yet. The order is cancelled so its items go back into stock, the delivery is ' +
      'cancelled, and the buyer’s money is given back (refunded if it was captured, the authorization voided if ' +
      'not). The buyer sees each step.',
    confirm: 'Yes, cancel and refund',
  },
}

interface SettleDialogProps {
  kind: SettleKind
  trading: Trading
  processing: Processing
  onClose: () => void
}

// Explains a return or cancellation, asks, then takes its steps one by
// one, showing each, and any refusal from the shop.
export function SettleDialog({ kind, trading, processing, onClose }: SettleDialogProps) {
  const copy = COPY[kind]
  const { steps, phase, error, run } = useSettleRun(trading.tradingId, kind, statusesOf(processing))
  const running = phase === 'running'

  return (
    <Dialog
      title={copy.title}
      alert
      tone="danger"
      size="md"
      onClose={() => { if (!running) onClose() }}
      footer={phase === 'done'
        ? <Button variant="primary" data-autofocus onClick={onClose}>Done</Button>
        : (
          <>
            <Button variant="ghost" disabled={running} onClick={onClose} data-autofocus>
              {phase === 'failed' ? 'Close' : 'Go back'}
            </Button>
            <Button variant="danger" busy={running} onClick={() => void run()}>
              {phase === 'failed' ? 'Try again' : copy.confirm}
            </Button>
          </>
        )}
    >
      <div className="stack-sm">
        <p>{copy.text}</p>
        <p className="muted">
          Trade <span className="mono">{shortId(trading.tradingId)}</span> for {trading.shipTo.name},{' '}
          {formatMoney(trading.totalMinor, trading.currency)}.
        </p>
        <SettleSteps steps={steps} />
        {phase === 'done' && <p className="settle__done" role="status">Done: the trade is settled.</p>}
        {error != null && <ErrorBanner title="The shop refused a step">{error}</ErrorBanner>}
      </div>
    </Dialog>
  )
}
