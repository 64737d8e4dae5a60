import { useEffect } from 'react'
import { describeError } from '../../lib/errors.js'
import { plural } from '../../lib/format.js'
import { useBuyerCatalogStore } from '../../stores/useBuyerCatalogStore.js'
import { useBuyerStore } from '../../stores/useBuyerStore.js'
import { cartCount, useCartStore } from '../../stores/useCartStore.js'
import { useSessionStore } from '../../stores/useSessionStore.js'
import { Button } from '../../ui/Button.js'
import { EmptyState } from '../../ui/EmptyState.js'
import { ErrorBanner } from '../../ui/ErrorBanner.js'
import { PageHeader } from '../../ui/Shell.js'
import { Loading } from '../../ui/Spinner.js'
import { ProductCard } from './ProductCard.js'

// The shop's products, to add to the cart.
export function BuyerCatalog() {
  const products = useBuyerCatalogStore((s) => s.products)
  const load = useBuyerCatalogStore((s) => s.load)
  const stale = useBuyerCatalogStore((s) => s.stale)
  const error = useBuyerCatalogStore((s) => s.error)
  const fetch = useBuyerCatalogStore((s) => s.fetch)
  const shopId = useBuyerStore((s) => s.shop?.shopId ?? null)
  const inCart = useCartStore((s) => cartCount(s.lines))
  const connection = useSessionStore((s) => s.shops.find((x) => x.shopId === shopId)?.status)
  const retry = () => shopId != null && void fetch(shopId)
  const offline = connection === 'offline' || connection === 'connecting'

  // Fresh prices and stock on every visit.
  useEffect(() => {
    if (shopId != null && useBuyerCatalogStore.getState().load !== 'loading') void fetch(shopId)
  }, [shopId, fetch])

  let body
  if ((load === 'loading' || load === 'idle') && products.length === 0) body = <Loading label="Loading the catalog…" />
  else if (load === 'error' && products.length === 0) {
    body = (
      <ErrorBanner title="Could not load the catalog" onRetry={retry}>
        {error != null ? describeError(error) : 'Unknown problem.'}
      </ErrorBanner>
    )
  } else if (products.length === 0) {
    body = <EmptyState icon="catalog" title="This shop has nothing for sale yet">Check back later — new products appear here.</EmptyState>
  } else {
    body = (
      <ul className="product-grid" aria-label="Products">
        {products.map((p) => <li key={p.sku}><ProductCard product={p} /></li>)}
      </ul>
    )
  }

  return (
    <div className="page">
      <PageHeader
        title="Catalog"
        description={products.length > 0 ? `${plural(products.length, 'product')} from this shop` : 'What this shop sells'}
        actions={inCart > 0 ? <a className="btn btn--primary btn--md" href="#/buyer/cart">Go to cart ({inCart})</a> : undefined}
      />
      {(stale || (offline && products.length > 0)) && (
        <ErrorBanner tone="warning" title="Showing the catalog as last seen" onRetry={retry} retryLabel="Reload catalog">
          The shop can’t be reached right now. You can still fill your cart: an order placed now is queued and sent
          when the shop is back.
        </ErrorBanner>
      )}
      {body}
      {load === 'ready' && products.length > 0 && (
        <p className="footnote">
          Prices and stock as the shop reports them. <Button size="sm" variant="ghost" onClick={retry}>Refresh catalog</Button>
        </p>
      )}
    </div>
  )
}
