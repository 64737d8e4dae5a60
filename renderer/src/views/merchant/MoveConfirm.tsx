import type { Trading } from '../../../../shared/protocol/schemas.js'
import { formatMoney, shortId } from '../../lib/format.js'
import type { Move } from '../../lib/moves.js'
import { ConfirmDialog } from '../../ui/ConfirmDialog.js'

const COPY: Record<string, [string, string, string]> = {
  'order:cancelled': ['Cancel this order?', 'The buyer is told at once. A cancelled order cannot be reopened.', 'Yes, cancel order'],
  'delivery:cancelled': ['Cancel the delivery?', 'Nothing will be shipped for this trade.', 'Yes, cancel delivery'],
  'delivery:returned': ['Mark the parcel as returned?', 'Record that the parcel came back to you. This cannot be undone.', 'Yes, mark returned'],
  'payment:voided': ['Void the payment?', 'The authorization is released and the buyer is not charged.', 'Yes, void payment'],
  'payment:refunded': ['Refund the payment?', 'The buyer gets the money back. This cannot be undone.', 'Yes, refund payment'],
}

interface MoveConfirmProps {
  move: Move
  trading: Trading
  onConfirm: () => Promise<string | null>
  onClose: () => void
}

// Asks before a move that cannot be taken back.
export function MoveConfirm({ move, trading, onConfirm, onClose }: MoveConfirmProps) {
  const [title, text, confirm] = COPY[`${move.track}:${move.to}`] ?? [`${move.label}?`, 'This cannot be undone.', `Yes, ${move.label.toLowerCase()}`]
  return (
    <ConfirmDialog title={title} confirmLabel={confirm} onConfirm={onConfirm} onClose={onClose}>
      <p>{text}</p>
      <p className="muted">
        Trade <span className="mono">{shortId(trading.tradingId)}</span> for {trading.shipTo.name},{' '}
        {formatMoney(trading.totalMinor, trading.currency)}.
      </p>
    </ConfirmDialog>
  )
}
