import type { ReactNode } from 'react'
import { Button } from './Button.js'
import { Icon } from './Icon.js'

interface ErrorBannerProps {
  title?: string
  children: ReactNode
  onRetry?: () => void
  retryLabel?: string
  tone?: 'danger' | 'warning'
}

// A problem the user should know about, with a way to try again.
export function ErrorBanner({ title, children, onRetry, retryLabel = 'Try again', tone = 'danger' }: ErrorBannerProps) {
  return (
    <div className={`banner banner--${tone}`} role="alert">
      <Icon name={tone === 'danger' ? 'alert' : 'warning'} size={20} className="banner__icon" />
      <div className="banner__body">
        {title != null && <p className="banner__title">{title}</p>}
        <div className="banner__text">{children}</div>
      </div>
      {onRetry != null && <Button size="sm" onClick={onRetry}>{retryLabel}</Button>}
    </div>
  )
}
