import type { ReactNode } from 'react'
import { Icon, type IconName } from './Icon.js'

interface EmptyStateProps {
  title: string
  children?: ReactNode
  action?: ReactNode
  icon?: IconName
}

export function EmptyState({ title, children, action, icon = 'inbox' }: EmptyStateProps) {
  return (
    <div className="empty">
      <span className="empty__icon"><Icon name={icon} size={24} /></span>
      <p className="empty__title">{title}</p>
      {children != null && <div className="empty__text">{children}</div>}
      {action != null && <div className="empty__action">{action}</div>}
    </div>
  )
}
