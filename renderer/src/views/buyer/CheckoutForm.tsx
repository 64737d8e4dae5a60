import { useState, type FormEvent } from 'react'
import { PAYMENT_METHODS } from '../../../../shared/protocol/schemas.js'
import { describeError } from '../../lib/errors.js'
import { formatMoney } from '../../lib/format.js'
import { paymentMethodLabel } from '../../lib/labels.js'
import { useBuyerCatalogStore } from '../../stores/useBuyerCatalogStore.js'
import { useBuyerStore } from '../../stores/useBuyerStore.js'
import { useCartStore } from '../../stores/useCartStore.js'
import { useSessionStore } from '../../stores/useSessionStore.js'
import { Button } from '../../ui/Button.js'
import { ErrorBanner } from '../../ui/ErrorBanner.js'
import { TextArea, TextField } from '../../ui/Field.js'
import { cartTotals } from './cartTotals.js'

type Errors = Partial<Record<'name' | 'address', string>>

// Ship-to, payment method and "Place order". Calls onPlaced with the
// order's request ID unless the shop refused it.
export function CheckoutForm({ onPlaced }: { onPlaced: (requestId: string) => void }) {
  const cart = useCartStore()
  const products = useBuyerCatalogStore((s) => s.products)
  const placeOrder = useBuyerStore((s) => s.placeOrder)
  const shopId = useBuyerStore((s) => s.shop?.shopId)
  const connection = useSessionStore((s) => s.shops.find((x) => x.shopId === shopId)?.status)
  const [errors, setErrors] = useState<Errors>({})
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const { totals } = cartTotals(cart.lines, products)

  async function submit(e: FormEvent) {
    e.preventDefault()
    const found: Errors = {}
    if (cart.shipName.trim() === '') found.name = 'Enter who receives the parcel.'
    if (cart.shipAddress.trim() === '') found.address = 'Enter the delivery address.'
    setErrors(found)
    if (Object.keys(found).length > 0) return
    setBusy(true)
    setFailure(null)
    const outcome = await placeOrder({
      items: cart.lines.map((l) => ({ sku: l.sku, quantity: l.quantity })),
      shipTo: { name: cart.shipName.trim(), address: cart.shipAddress.trim() },
      payment: { method: cart.payment },
    })
    setBusy(false)
    if (!outcome.ok) return setFailure(describeError(outcome.error))
    if (outcome.value.state === 'refused') {
      return setFailure(describeError(outcome.value.error ?? { code: 'internal', message: '' }))
    }
    cart.clear()
    onPlaced(outcome.value.requestId)
  }

  return (
    <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
      <TextField label="Recipient name" value={cart.shipName} error={errors.name} autoComplete="name" maxLength={80} onChange={(e) => cart.setShipName(e.target.value)} />
      <TextArea label="Delivery address" value={cart.shipAddress} error={errors.address} autoComplete="street-address" rows={3} maxLength={500} onChange={(e) => cart.setShipAddress(e.target.value)} />
      <fieldset className="choices">
        <legend className="field__label">Payment method</legend>
        {PAYMENT_METHODS.map((method) => (
          <label key={method} className={cart.payment === method ? 'choice-row is-on' : 'choice-row'}>
            <input type="radio" name="payment-method" value={method} checked={cart.payment === method} onChange={() => cart.setPayment(method)} />
            {paymentMethodLabel(method)}
          </label>
        ))}
      </fieldset>
      <div className="summary">
        {[...totals.entries()].map(([currency, minor]) => (
          <p key={currency} className="summary__row"><span>Total</span><strong>{formatMoney(minor, currency)}</strong></p>
        ))}
        <p className="summary__note">The shop confirms prices and stock when it accepts the order.</p>
      </div>
      {connection != null && connection !== 'online' && (
        <p className="notice notice--warning">
          The shop is {connection === 'connecting' ? 'not connected yet' : 'offline'}: your order will be queued and sent
          when the shop is back.
        </p>
      )}
      {failure != null && <ErrorBanner title="The order was not placed">{failure}</ErrorBanner>}
      <Button type="submit" variant="primary" busy={busy} className="btn--block">Place order</Button>
    </form>
  )
}
