import { lazy, Suspense } from 'react'
import type { Route } from '../../app/route.js'
import { useAttentionStore } from '../../stores/useAttentionStore.js'
import { Shell } from '../../ui/Shell.js'
import { Sidebar, type NavItem } from '../../ui/Sidebar.js'
import { Loading } from '../../ui/Spinner.js'
import { AttentionWatcher } from './AttentionWatcher.js'
import { MerchantCatalog } from './MerchantCatalog.js'
import { MerchantTopBar } from './MerchantTopBar.js'
import { OrderBoard } from './OrderBoard.js'
import { ShopView } from './ShopView.js'
import { TrainingBanner } from './training/TrainingBanner.js'
import { TrainingView } from './training/TrainingView.js'

type MerchantRoute = Extract<Route, { area: 'merchant' }>

// The charts library is large: loaded only when the dashboard opens.
const DashboardView = lazy(() => import('./dashboard/DashboardView.js').then((m) => ({ default: m.DashboardView })))

// The merchant console: order board, dashboard, catalog, shop, training.
export function MerchantApp({ route }: { route: MerchantRoute }) {
  const attention = useAttentionStore((s) => s.overdue.size)
  const items: NavItem[] = [
    {
      href: '#/merchant/board',
      label: 'Orders',
      icon: 'orders',
      active: route.view === 'board',
      badge: { count: attention, label: 'need attention', tone: 'danger' },
    },
    { href: '#/merchant/dashboard', label: 'Dashboard', icon: 'chart', active: route.view === 'dashboard' },
    { href: '#/merchant/catalog', label: 'Catalog', icon: 'catalog', active: route.view === 'catalog' },
    { href: '#/merchant/shop', label: 'Shop', icon: 'shop', active: route.view === 'shop' },
    { href: '#/merchant/training', label: 'Training', icon: 'training', active: route.view === 'training' },
  ]
  return (
    <Shell sidebar={<Sidebar role="Merchant console" items={items} />} topbar={<MerchantTopBar />}>
      <AttentionWatcher />
      <div className="merchant-page">
        <TrainingBanner />
        <div className="merchant-page__view">
          {route.view === 'board' && <OrderBoard tradingId={route.tradingId ?? null} />}
          {route.view === 'dashboard' && (
            <Suspense fallback={<Loading label="Loading the dashboard…" />}>
              <DashboardView />
            </Suspense>
          )}
          {route.view === 'catalog' && <MerchantCatalog />}
          {route.view === 'shop' && <ShopView />}
          {route.view === 'training' && <TrainingView />}
        </div>
      </div>
    </Shell>
  )
}
