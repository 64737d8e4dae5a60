import { useState, type FormEvent } from 'react'
import type { Product } from '../../../../shared/protocol/schemas.js'
import { describeInvalid } from '../../lib/errors.js'
import { useCatalogStore } from '../../stores/useCatalogStore.js'
import { useUiStore } from '../../stores/useUiStore.js'
import { Button } from '../../ui/Button.js'
import { Dialog } from '../../ui/Dialog.js'
import { ErrorBanner } from '../../ui/ErrorBanner.js'
import { SelectField, TextField } from '../../ui/Field.js'
import { draftOf, validateDraft, type DraftErrors, type ProductDraft } from './productForm.js'
import { useLowStockField } from './useLowStockField.js'

const CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'CAD', 'AUD', 'JPY']

function mainCurrency(products: Product[]): string {
  const counts = new Map<string, number>()
  for (const p of products) counts.set(p.currency, (counts.get(p.currency) ?? 0) + 1)
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'EUR'
}

// Adds a product, or edits one (its SKU stays as it is).
export function ProductDialog({ product, onClose }: { product: Product | null; onClose: () => void }) {
  const upsert = useCatalogStore((s) => s.upsert)
  const products = useCatalogStore((s) => s.products)
  const toast = useUiStore((s) => s.toast)
  const [draft, setDraft] = useState<ProductDraft>(() => draftOf(product, mainCurrency(products)))
  const [errors, setErrors] = useState<DraftErrors>({})
  const [tried, setTried] = useState(false)
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const lowStock = useLowStockField(product?.sku ?? null)
  const editing = product != null
  const currencies = CURRENCIES.includes(draft.currency) ? CURRENCIES : [draft.currency, ...CURRENCIES]

  function change(patch: Partial<ProductDraft>) {
    const next = { ...draft, ...patch }
    setDraft(next)
    if (tried) setErrors(validateDraft(next).errors)
  }

  async function submit(e: FormEvent) {
    e.preventDefault()
    setTried(true)
    const checked = validateDraft(draft)
    setErrors(checked.errors)
    const threshold = lowStock.check()
    if (checked.product == null || threshold === undefined) return
    if (!editing && products.some((p) => p.sku === checked.product?.sku)) {
      setErrors({ sku: 'A product with this SKU exists already: edit it instead.' })
      return
    }
    setBusy(true)
    setFailure(null)
    const outcome = await upsert(checked.product)
    if (!outcome.ok) {
      setBusy(false)
      return setFailure(describeInvalid(outcome.error))
    }
    const problem = lowStock.disabled ? null : await lowStock.save(outcome.value.sku, threshold)
    setBusy(false)
    toast(editing ? `Saved ${outcome.value.name}` : `Added ${outcome.value.name} to the catalog`, 'success')
    if (problem != null) toast(`The low-stock threshold of ${outcome.value.name} was not saved: ${problem}`, 'warning')
    onClose()
  }

  return (
    <Dialog title={editing ? `Edit ${product.name}` : 'Add a product'} onClose={onClose} size="md">
      <form className="form-grid" onSubmit={(e) => void submit(e)} noValidate>
        <TextField label="SKU" value={draft.sku} error={errors.sku} readOnly={editing} hint={editing ? 'A product’s SKU cannot change.' : 'Your stock-keeping code, e.g. COF-250'} onChange={(e) => change({ sku: e.target.value })} data-autofocus={editing ? undefined : true} autoComplete="off" fieldClassName="span-2" />
        <TextField label="Name" value={draft.name} error={errors.name} maxLength={80} onChange={(e) => change({ name: e.target.value })} data-autofocus={editing ? true : undefined} fieldClassName="span-2" />
        <TextField label="Price" inputMode="decimal" value={draft.price} error={errors.price} placeholder="12.90" hint="In the currency’s main unit" onChange={(e) => change({ price: e.target.value })} />
        <SelectField label="Currency" value={draft.currency} error={errors.currency} options={currencies.map((c) => ({ value: c, label: c }))} onChange={(e) => change({ currency: e.target.value })} />
        <TextField label="Stock" inputMode="numeric" value={draft.stock} error={errors.stock} onChange={(e) => change({ stock: e.target.value })} hint="Units you can sell now" />
        <TextField label="Low stock at (units)" inputMode="numeric" value={lowStock.value} error={lowStock.error} disabled={lowStock.disabled} placeholder="Shop default" hint={lowStock.hint} onChange={(e) => lowStock.setValue(e.target.value)} />
        {failure != null && <div className="span-2"><ErrorBanner title="Not saved">{failure}</ErrorBanner></div>}
        <div className="dialog__footer dialog__footer--inline span-2">
          <Button variant="ghost" onClick={onClose}>Go back</Button>
          <Button variant="primary" type="submit" busy={busy}>Save product</Button>
        </div>
      </form>
    </Dialog>
  )
}
