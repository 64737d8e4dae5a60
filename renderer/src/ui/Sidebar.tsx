import type { ReactNode } from 'react'
import { Icon, type IconName } from './Icon.js'

export interface NavItem {
  href: string
  label: string
  icon: IconName
  active: boolean
  badge?: { count: number; label: string; tone?: 'danger' | 'neutral' }
}

interface SidebarProps {
  role: string
  items: NavItem[]
  footer?: ReactNode
}

export function Sidebar({ role, items, footer }: SidebarProps) {
  return (
    <aside className="sidebar">
      <a className="brand" href="#/" aria-label="Tradepost — start screen">
        <span className="brand__mark" aria-hidden="true">T</span>
        <span className="brand__text">
          <span className="brand__name">Tradepost</span>
          <span className="brand__role">{role}</span>
        </span>
      </a>
      <nav aria-label="Main" className="nav">
        <ul className="nav__list">
          {items.map((item) => {
            const badge = item.badge != null && item.badge.count > 0 ? item.badge : null
            const slug = item.label.toLowerCase().replaceAll(' ', '-')
            return (
              <li key={item.href}>
                <a
                  href={item.href}
                  className={item.active ? 'nav__link nav__link--active' : 'nav__link'}
                  aria-current={item.active ? 'page' : undefined}
                  aria-describedby={badge != null ? `nav-desc-${slug}` : undefined}
                >
                  <Icon name={item.icon} className="nav__icon" />
                  <span className="nav__label">{item.label}</span>
                  {badge != null && (
                    <>
                      <span className={`nav__badge nav__badge--${badge.tone ?? 'neutral'}`} aria-hidden="true" data-testid={`nav-badge-${slug}`}>
                        {badge.count}
                      </span>
                      <span id={`nav-desc-${slug}`} hidden>{badge.count} {badge.label}</span>
                    </>
                  )}
                </a>
              </li>
            )
          })}
        </ul>
      </nav>
      {footer != null && <div className="sidebar__footer">{footer}</div>}
    </aside>
  )
}
