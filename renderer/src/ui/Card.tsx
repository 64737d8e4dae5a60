import { useId, type ReactNode } from 'react'

interface CardProps {
  title?: ReactNode
  actions?: ReactNode
  children: ReactNode
  className?: string
  flush?: boolean
}

// A titled surface; the title is an h2 that names the section.
export function Card({ title, actions, children, className, flush = false }: CardProps) {
  const id = useId()
  return (
    <section
      className={['card', flush ? 'card--flush' : '', className].filter(Boolean).join(' ')}
      aria-labelledby={title != null ? id : undefined}
    >
      {(title != null || actions != null) && (
        <header className="card__header">
          {title != null && <h2 className="card__title" id={id}>{title}</h2>}
          {actions != null && <div className="card__actions">{actions}</div>}
        </header>
      )}
      <div className="card__body">{children}</div>
    </section>
  )
}
