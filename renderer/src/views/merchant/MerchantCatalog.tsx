import { useEffect, useState } from 'react'
import type { Product } from '../../../../shared/protocol/schemas.js'
import { describeError } from '../../lib/errors.js'
import { plural } from '../../lib/format.js'
import { useCatalogStore } from '../../stores/useCatalogStore.js'
import { useSettingsStore } from '../../stores/useSettingsStore.js'
import { Button } from '../../ui/Button.js'
import { EmptyState } from '../../ui/EmptyState.js'
import { ErrorBanner } from '../../ui/ErrorBanner.js'
import { PageHeader } from '../../ui/Shell.js'
import { Loading } from '../../ui/Spinner.js'
import { ProductDialog } from './ProductDialog.js'
import { ProductTable } from './ProductTable.js'

type Editing = { kind: 'new' } | { kind: 'edit'; product: Product } | null

// The shop's products, with adding and editing.
export function MerchantCatalog() {
  const products = useCatalogStore((s) => s.products)
  const load = useCatalogStore((s) => s.load)
  const error = useCatalogStore((s) => s.error)
  const fetch = useCatalogStore((s) => s.fetch)
  const [editing, setEditing] = useState<Editing>(null)

  // Fetched on every visit: stock changes as buyers order.
  useEffect(() => {
    void fetch()
    const settings = useSettingsStore.getState()
    if (settings.load !== 'loading') void settings.fetch(settings.settings != null)
  }, [fetch])

  let body
  if ((load === 'loading' || load === 'idle') && products.length === 0) body = <Loading label="Loading the catalog…" />
  else if (load === 'error' && products.length === 0) {
    body = (
      <ErrorBanner title="Could not load the catalog" onRetry={() => void fetch()}>
        {error != null ? describeError(error) : 'Unknown problem.'}
      </ErrorBanner>
    )
  } else if (products.length === 0) {
    body = (
      <EmptyState icon="catalog" title="No products yet" action={<Button variant="primary" onClick={() => setEditing({ kind: 'new' })}>Add the first product</Button>}>
        Products you add here are what buyers can order.
      </EmptyState>
    )
  } else body = <ProductTable products={products} onEdit={(product) => setEditing({ kind: 'edit', product })} />

  return (
    <div className="page">
      <PageHeader
        title="Catalog"
        description={products.length > 0 ? `${plural(products.length, 'product')} for sale` : 'What buyers can order from your shop'}
        actions={<Button variant="primary" onClick={() => setEditing({ kind: 'new' })}>Add product</Button>}
      />
      {load === 'error' && products.length > 0 && error != null && (
        <ErrorBanner onRetry={() => void fetch()}>{describeError(error)}</ErrorBanner>
      )}
      {body}
      {editing != null && (
        <ProductDialog product={editing.kind === 'edit' ? editing.product : null} onClose={() => setEditing(null)} />
      )}
    </div>
  )
}
