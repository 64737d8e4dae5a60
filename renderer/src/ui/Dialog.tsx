import { useEffect, useId, useRef, type ReactNode } from 'react'
import { Icon } from './Icon.js'

interface DialogProps {
  title: string
  onClose: () => void
  children?: ReactNode
  footer?: ReactNode
  alert?: boolean
  tone?: 'default' | 'warning' | 'danger'
  size?: 'sm' | 'md'
}

// A modal dialog on the native <dialog>: focus moves in (to the element
// marked data-autofocus, else the first control), Escape closes it, and
// focus goes back where it was.
export function Dialog({ title, onClose, children, footer, alert = false, tone = 'default', size = 'sm' }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null)
  const closeRef = useRef(onClose)
  closeRef.current = onClose
  const titleId = useId()
  const bodyId = useId()

  useEffect(() => {
    const dialog = ref.current
    if (dialog == null) return
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null
    if (!dialog.open) dialog.showModal()
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus()
    return () => {
      if (dialog.open) dialog.close()
      if (before?.isConnected === true) before.focus()
    }
  }, [])

  return (
    <dialog
      ref={ref}
      role={alert ? 'alertdialog' : undefined}
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={children != null ? bodyId : undefined}
      className={`dialog dialog--${tone} dialog--${size}`}
      onCancel={(event) => {
        event.preventDefault()
        closeRef.current()
      }}
    >
      <header className="dialog__header">
        {tone !== 'default' && <span className="dialog__icon"><Icon name={tone === 'danger' ? 'alert' : 'warning'} size={18} /></span>}
        <h2 className="dialog__title" id={titleId}>{title}</h2>
      </header>
      {children != null && <div className="dialog__body" id={bodyId}>{children}</div>}
      {footer != null && <footer className="dialog__footer">{footer}</footer>}
    </dialog>
  )
}
