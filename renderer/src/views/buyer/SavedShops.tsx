import { navigate } from '../../app/route.js'
import { useSessionStore } from '../../stores/useSessionStore.js'
import { Button } from '../../ui/Button.js'
import { ConnectionPill } from './ConnectionPill.js'

// Shops this computer is signed in to, to continue at one of them.
export function SavedShops() {
  const shops = useSessionStore((s) => s.shops)
  const activeShopId = useSessionStore((s) => s.activeShopId)
  const switchTo = useSessionStore((s) => s.switchTo)
  const busy = useSessionStore((s) => s.busy)

  return (
    <section className="connect__saved" aria-labelledby="saved-title">
      <h2 className="section-title" id="saved-title">Your shops</h2>
      <ul className="saved-shops__list">
        {shops.map((shop) => (
          <li key={shop.shopId} className="saved-shop">
            <div className="saved-shop__text">
              <span className="saved-shop__url mono">{shop.url}</span>
              <span className="saved-shop__name">
                Signed in as {shop.name}{shop.shopId === activeShopId ? ' · active' : ''}
              </span>
            </div>
            <ConnectionPill status={shop.status} />
            <Button
              size="sm"
              aria-label={`Continue at ${shop.url} as ${shop.name}`}
              disabled={busy != null}
              onClick={() => void switchTo(shop.shopId).then((ok) => ok && navigate('#/buyer/catalog'))}
            >
              Continue
            </Button>
          </li>
        ))}
      </ul>
    </section>
  )
}
