import { navigate } from '../../app/route.js'
import { describeError } from '../../lib/errors.js'
import { useSessionStore } from '../../stores/useSessionStore.js'
import { Button } from '../../ui/Button.js'
import { ErrorBanner } from '../../ui/ErrorBanner.js'
import { Icon } from '../../ui/Icon.js'
import { ConnectionPill } from '../buyer/ConnectionPill.js'

export function BuyChoice() {
  const shops = useSessionStore((s) => s.shops)
  const busy = useSessionStore((s) => s.busy)
  const error = useSessionStore((s) => s.error)
  const switchTo = useSessionStore((s) => s.switchTo)

  async function continueAt(shopId: string) {
    if (await switchTo(shopId)) navigate('#/buyer/catalog')
  }

  return (
    <section className="choice" aria-labelledby="choice-buy">
      <span className="choice__icon"><Icon name="cart" size={22} /></span>
      <h2 className="choice__title" id="choice-buy">Buy from a shop</h2>
      <p className="choice__text">
        Connect to a merchant’s shop with its address, then create an account or sign in.
        Your orders and their delivery and payment are kept on this computer.
      </p>
      {shops.length > 0 && (
        <div className="saved-shops">
          <h3 className="saved-shops__title">Continue where you left off</h3>
          <ul className="saved-shops__list">
            {shops.map((shop) => (
              <li key={shop.shopId} className="saved-shop">
                <div className="saved-shop__text">
                  <span className="saved-shop__url mono">{shop.url}</span>
                  <span className="saved-shop__name">Signed in as {shop.name}</span>
                </div>
                <ConnectionPill status={shop.status} />
                <Button
                  size="sm"
                  aria-label={`Continue at ${shop.url} as ${shop.name}`}
                  busy={busy === 'switch'}
                  onClick={() => void continueAt(shop.shopId)}
                >
                  Continue
                </Button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {error != null && <ErrorBanner>{describeError(error)}</ErrorBanner>}
      <div className="choice__actions">
        <Button variant={shops.length > 0 ? 'secondary' : 'primary'} onClick={() => navigate('#/buyer/connect')}>
          Shop at a merchant
        </Button>
      </div>
    </section>
  )
}
