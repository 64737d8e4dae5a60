import type { ReactNode } from 'react'

interface ShellProps {
  sidebar: ReactNode
  topbar: ReactNode
  children: ReactNode
}

// The console's frame: navigation on the left, a top bar, the page.
export function Shell({ sidebar, topbar, children }: ShellProps) {
  return (
    <div className="shell">
      {sidebar}
      <div className="shell__main">
        <header className="topbar">{topbar}</header>
        <main className="content" id="main">{children}</main>
      </div>
    </div>
  )
}

interface PageHeaderProps {
  title: string
  description?: ReactNode
  actions?: ReactNode
  back?: { href: string; label: string }
}

export function PageHeader({ title, description, actions, back }: PageHeaderProps) {
  return (
    <div className="page-header">
      <div className="page-header__text">
        {back != null && <a className="back-link" href={back.href}><span aria-hidden="true">← </span>{back.label}</a>}
        <h1 className="page-title">{title}</h1>
        {description != null && <p className="page-description">{description}</p>}
      </div>
      {actions != null && <div className="page-header__actions">{actions}</div>}
    </div>
  )
}
