import type { Route } from '../../app/route.js'
import { Shell } from '../../ui/Shell.js'
import { Sidebar, type NavItem } from '../../ui/Sidebar.js'
import { MerchantCatalog } from './MerchantCatalog.js'
import { MerchantTopBar } from './MerchantTopBar.js'
import { OrderBoard } from './OrderBoard.js'
import { ShopView } from './ShopView.js'

type MerchantRoute = Extract<Route, { area: 'merchant' }>

// The merchant console: order board, catalog, shop.
export function MerchantApp({ route }: { route: MerchantRoute }) {
  const items: NavItem[] = [
    { href: '#/merchant/board', label: 'Orders', icon: 'orders', active: route.view === 'board' },
    { href: '#/merchant/catalog', label: 'Catalog', icon: 'catalog', active: route.view === 'catalog' },
    { href: '#/merchant/shop', label: 'Shop', icon: 'shop', active: route.view === 'shop' },
  ]
  return (
    <Shell sidebar={<Sidebar role="Merchant console" items={items} />} topbar={<MerchantTopBar />}>
      {route.view === 'board' && <OrderBoard tradingId={route.tradingId ?? null} />}
      {route.view === 'catalog' && <MerchantCatalog />}
      {route.view === 'shop' && <ShopView />}
    </Shell>
  )
}
