import { useState } from 'react'
import type { Processing, Trading } from '../../../../shared/protocol/schemas.js'
import { statusesOf } from '../../lib/moves.js'
import { settleKind } from '../../lib/settle.js'
import { Button } from '../../ui/Button.js'
import { SettleDialog } from './SettleDialog.js'

// The whole return, or the whole cancellation, in one go: every status
// move it takes, in a legal order. The single-step buttons stay above.
export function SettleActions({ trading, processing }: { trading: Trading; processing: Processing }) {
  const [open, setOpen] = useState(false)
  const kind = settleKind(statusesOf(processing))
  // Kept while the dialog is open, even once the trade is settled.
  const [shown, setShown] = useState(kind)
  if (kind == null && !open) return null
  const flow = open ? shown : kind

  return (
    <section className="panel__section" aria-labelledby="panel-settle">
      <h3 className="section-title" id="panel-settle">Returns and cancellations</h3>
      {kind != null && (
        <div className="settle">
          <p className="settle__text">
            {kind === 'return'
              ? 'The parcel came back, or the buyer sends it back: mark it returned, give the money back and cancel the order.'
              : 'Not shipped yet: cancel the order and its delivery, and give the buyer’s money back.'}
          </p>
          <Button
            variant="danger"
            size="sm"
            onClick={() => {
              setShown(kind)
              setOpen(true)
            }}
          >
            {kind === 'return' ? 'Return & refund…' : 'Cancel & refund…'}
          </Button>
        </div>
      )}
      {open && flow != null && (
        <SettleDialog kind={flow} trading={trading} processing={processing} onClose={() => setOpen(false)} />
      )}
    </section>
  )
}
