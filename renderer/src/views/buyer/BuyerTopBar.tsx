import { navigate } from '../../app/route.js'
import { useBuyerStore } from '../../stores/useBuyerStore.js'
import { useSessionStore } from '../../stores/useSessionStore.js'
import { Button } from '../../ui/Button.js'
import { ConnectionPill } from './ConnectionPill.js'
import { ShopSwitcher } from './ShopSwitcher.js'

// The active shop, its connection, switching and signing out.
export function BuyerTopBar() {
  const fallback = useBuyerStore((s) => s.shop)
  const saved = useSessionStore((s) => s.shops.find((x) => x.shopId === fallback?.shopId))
  const signOut = useSessionStore((s) => s.signOut)
  const busy = useSessionStore((s) => s.busy)
  const shop = saved ?? fallback
  if (shop == null) return null

  async function leave(shopId: string) {
    if (await signOut(shopId)) {
      const next = useSessionStore.getState().activeShopId
      navigate(next == null ? '#/buyer/connect' : '#/buyer/catalog')
    }
  }

  return (
    <div className="topbar__row">
      <ShopSwitcher activeShopId={shop.shopId} />
      <div className="topbar__status">
        <span className="topbar__label">Connection</span>
        <ConnectionPill status={shop.status} testId="connection-status" />
      </div>
      <div className="topbar__spacer" />
      <span className="topbar__user">Signed in as <strong>{shop.name}</strong></span>
      <a className="btn btn--ghost btn--md" href="#/buyer/connect">Add a shop</a>
      <Button variant="ghost" busy={busy === 'signOut'} onClick={() => void leave(shop.shopId)}>
        Sign out
      </Button>
    </div>
  )
}
