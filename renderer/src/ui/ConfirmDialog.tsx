import { useState, type ReactNode } from 'react'
import { Button } from './Button.js'
import { Dialog } from './Dialog.js'
import { ErrorBanner } from './ErrorBanner.js'

interface ConfirmDialogProps {
  title: string
  children: ReactNode
  confirmLabel: string
  cancelLabel?: string
  danger?: boolean
  onConfirm: () => Promise<string | null>
  onClose: () => void
}

// Asks before an action that cannot be undone. onConfirm resolves to an
// error message to show, or null once done (the dialog then closes).
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  cancelLabel = 'Go back',
  danger = true,
  onConfirm,
  onClose,
}: ConfirmDialogProps) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function confirm() {
    setBusy(true)
    setError(null)
    const problem = await onConfirm()
    setBusy(false)
    if (problem == null) onClose()
    else setError(problem)
  }

  return (
    <Dialog
      title={title}
      alert
      tone={danger ? 'danger' : 'default'}
      onClose={onClose}
      footer={
        <>
          <Button variant="ghost" onClick={onClose} data-autofocus>{cancelLabel}</Button>
          <Button variant={danger ? 'danger' : 'primary'} busy={busy} onClick={() => void confirm()}>
            {confirmLabel}
          </Button>
        </>
      }
    >
      <div className="stack-sm">
        {children}
        {error != null && <ErrorBanner>{error}</ErrorBanner>}
      </div>
    </Dialog>
  )
}
