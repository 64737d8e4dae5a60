import { useId } from 'react'
import { navigate } from '../../app/route.js'
import { useSessionStore } from '../../stores/useSessionStore.js'

function hostOf(url: string): string {
  try {
    return new URL(url).host
  } catch {
    return url
  }
}

// Chooses the active shop among the saved ones.
export function ShopSwitcher({ activeShopId }: { activeShopId: string }) {
  const shops = useSessionStore((s) => s.shops)
  const switchTo = useSessionStore((s) => s.switchTo)
  const busy = useSessionStore((s) => s.busy === 'switch')
  const id = useId()
  const known = shops.some((s) => s.shopId === activeShopId)

  return (
    <div className="switcher">
      <label className="topbar__label" htmlFor={id}>Shop</label>
      <select
        id={id}
        className="input select switcher__select"
        value={activeShopId}
        disabled={busy}
        onChange={(e) => {
          void switchTo(e.target.value).then((ok) => ok && navigate('#/buyer/catalog'))
        }}
      >
        {!known && <option value={activeShopId}>Current shop</option>}
        {shops.map((s) => (
          <option key={s.shopId} value={s.shopId}>{hostOf(s.url)} — {s.name}</option>
        ))}
      </select>
    </div>
  )
}
