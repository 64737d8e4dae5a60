import { useEffect } from 'react'
import type { Route } from '../../app/route.js'
import { describeError } from '../../lib/errors.js'
import { useBuyerCatalogStore } from '../../stores/useBuyerCatalogStore.js'
import { useBuyerStore } from '../../stores/useBuyerStore.js'
import { useCartStore } from '../../stores/useCartStore.js'
import { ErrorBanner } from '../../ui/ErrorBanner.js'
import { Loading } from '../../ui/Spinner.js'
import { BuyerShell } from './BuyerShell.js'
import { ConnectPage } from './ConnectPage.js'

type BuyerRoute = Extract<Route, { area: 'buyer' }>

// The buyer's console: signed in to a shop, or connecting to one.
export function BuyerApp({ route }: { route: BuyerRoute }) {
  const load = useBuyerStore((s) => s.load)
  const error = useBuyerStore((s) => s.error)
  const shopId = useBuyerStore((s) => s.shop?.shopId ?? null)
  const loadState = useBuyerStore((s) => s.loadState)

  useEffect(() => {
    if (useBuyerStore.getState().load === 'idle') void loadState()
  }, [loadState])

  useEffect(() => {
    if (shopId == null) return
    useCartStore.getState().forShop(shopId)
    const catalog = useBuyerCatalogStore.getState()
    if (catalog.shopId !== shopId) void catalog.fetch(shopId)
  }, [shopId])

  if (route.view === 'connect' || load === 'none') return <ConnectPage />
  if (load === 'idle' || (load === 'loading' && shopId == null)) {
    return <main className="boot"><Loading label="Opening your shop…" /></main>
  }
  if (load === 'error' && shopId == null) {
    return (
      <main className="boot">
        <ErrorBanner title="Could not open your trades" onRetry={() => void loadState()}>
          {error != null ? describeError(error) : 'Unknown problem.'}
        </ErrorBanner>
      </main>
    )
  }
  return <BuyerShell route={route} />
}
