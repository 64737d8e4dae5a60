import { useUiStore } from '../stores/useUiStore.js'
import { Button } from './Button.js'
import { Dialog } from './Dialog.js'
import { ErrorBanner } from './ErrorBanner.js'

// Dialogs main asks for where no native ones exist (the browser host).
// The answer is the index of the button chosen; Escape picks the last
// button, as a native dialog's cancel does.
export function DialogHost() {
  const dialog = useUiStore((s) => s.dialogs[0])
  const error = useUiStore((s) => s.dialogError)
  const answer = useUiStore((s) => s.answerDialog)
  if (dialog == null) return null
  const buttons = dialog.buttons.length > 0 ? dialog.buttons : ['OK']
  const cancelIndex = buttons.length - 1

  return (
    <Dialog
      key={dialog.dialogId}
      title={dialog.title}
      alert
      tone="warning"
      size="md"
      onClose={() => void answer(dialog.dialogId, cancelIndex)}
      footer={buttons.map((label, index) => (
        <Button
          key={label + String(index)}
          variant={index === 0 ? 'primary' : 'secondary'}
          data-autofocus={index === 0 ? true : undefined}
          onClick={() => void answer(dialog.dialogId, index)}
        >
          {label}
        </Button>
      ))}
    >
      <div className="stack-sm">
        <p className="dialog__message">{dialog.message}</p>
        {dialog.detail !== '' && <p className="dialog__detail">{dialog.detail}</p>}
        {error != null && <ErrorBanner>{error}</ErrorBanner>}
      </div>
    </Dialog>
  )
}
