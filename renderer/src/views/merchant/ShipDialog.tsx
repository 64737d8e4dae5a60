import { useState, type FormEvent } from 'react'
import { Button } from '../../ui/Button.js'
import { Dialog } from '../../ui/Dialog.js'
import { ErrorBanner } from '../../ui/ErrorBanner.js'
import { TextField } from '../../ui/Field.js'

interface ShipDialogProps {
  onSubmit: (extra: { carrier: string; trackingNo: string; note?: string }) => Promise<string | null>
  onClose: () => void
}

// Asks for the carrier and tracking number before marking a trade shipped.
export function ShipDialog({ onSubmit, onClose }: ShipDialogProps) {
  const [carrier, setCarrier] = useState('')
  const [trackingNo, setTrackingNo] = useState('')
  const [note, setNote] = useState('')
  const [tried, setTried] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const carrierError = tried && carrier.trim() === '' ? 'Enter the carrier, for example DHL.' : null
  const trackingError = tried && trackingNo.trim() === '' ? 'Enter the tracking number.' : null

  async function submit(e: FormEvent) {
    e.preventDefault()
    setTried(true)
    if (carrier.trim() === '' || trackingNo.trim() === '') return
    setBusy(true)
    const extra = { carrier: carrier.trim(), trackingNo: trackingNo.trim() }
    const problem = await onSubmit(note.trim() === '' ? extra : { ...extra, note: note.trim() })
    setBusy(false)
    if (problem == null) onClose()
    else setError(problem)
  }

  return (
    <Dialog title="Ship this trade" onClose={onClose}>
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        <TextField label="Carrier" value={carrier} onChange={(e) => setCarrier(e.target.value)} error={carrierError} maxLength={80} data-autofocus autoComplete="off" />
        <TextField label="Tracking number" value={trackingNo} onChange={(e) => setTrackingNo(e.target.value)} error={trackingError} maxLength={80} autoComplete="off" />
        <TextField label="Note for the buyer (optional)" value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />
        {error != null && <ErrorBanner>{error}</ErrorBanner>}
        <div className="dialog__footer dialog__footer--inline">
          <Button variant="ghost" onClick={onClose}>Go back</Button>
          <Button variant="primary" type="submit" busy={busy}>Mark shipped</Button>
        </div>
      </form>
    </Dialog>
  )
}
