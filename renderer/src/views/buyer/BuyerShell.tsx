import type { Route } from '../../app/route.js'
import { useBuyerStore } from '../../stores/useBuyerStore.js'
import { cartCount, useCartStore } from '../../stores/useCartStore.js'
import { Shell } from '../../ui/Shell.js'
import { Sidebar, type NavItem } from '../../ui/Sidebar.js'
import { BuyerCatalog } from './BuyerCatalog.js'
import { BuyerTopBar } from './BuyerTopBar.js'
import { BuyerTradeDetail } from './BuyerTradeDetail.js'
import { CartPage } from './CartPage.js'
import { MyTrades } from './MyTrades.js'
import { SessionBanner } from './SessionBanner.js'
import { WarningsPage } from './WarningsPage.js'

type BuyerRoute = Extract<Route, { area: 'buyer' }>

export function BuyerShell({ route }: { route: BuyerRoute }) {
  const warnings = useBuyerStore((s) => s.warnings.length)
  const pending = useBuyerStore((s) => s.orders.filter((o) => o.state === 'queued' || o.state === 'sent').length)
  const inCart = useCartStore((s) => cartCount(s.lines))

  const items: NavItem[] = [
    { href: '#/buyer/catalog', label: 'Catalog', icon: 'catalog', active: route.view === 'catalog' },
    { href: '#/buyer/cart', label: 'Cart', icon: 'cart', active: route.view === 'cart', badge: { count: inCart, label: 'items' } },
    { href: '#/buyer/trades', label: 'My trades', icon: 'orders', active: route.view === 'trades', badge: { count: pending, label: 'waiting to be sent' } },
    { href: '#/buyer/warnings', label: 'Warnings', icon: 'warning', active: route.view === 'warnings', badge: { count: warnings, label: 'warnings', tone: 'danger' } },
  ]

  return (
    <Shell sidebar={<Sidebar role="Buyer console" items={items} />} topbar={<BuyerTopBar />}>
      <SessionBanner />
      {route.view === 'catalog' && <BuyerCatalog />}
      {route.view === 'cart' && <CartPage />}
      {route.view === 'trades' && (route.tradingId != null
        ? <BuyerTradeDetail tradingId={route.tradingId} />
        : <MyTrades />)}
      {route.view === 'warnings' && <WarningsPage highlight={route.tradingId ?? null} />}
    </Shell>
  )
}
