import { useUiStore } from '../stores/useUiStore.js'

// Short notices in the corner, read out politely.
export function ToastHost() {
  const toasts = useUiStore((s) => s.toasts)
  const dismiss = useUiStore((s) => s.dismissToast)
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className={`toast toast--${t.tone}`}>
          <span className="toast__bar" aria-hidden="true" />
          <p className="toast__text">
            {t.text}
            {t.link != null && (
              <>
                {' '}
                <a href={t.link.href} target="_blank" rel="noreferrer">{t.link.label}</a>
              </>
            )}
          </p>
          <button type="button" className="toast__close" aria-label="Dismiss notification" onClick={() => dismiss(t.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  )
}
