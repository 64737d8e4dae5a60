import { useBuyerStore } from '../../stores/useBuyerStore.js'
import { useSessionStore } from '../../stores/useSessionStore.js'
import { ErrorBanner } from '../../ui/ErrorBanner.js'

// Tells the buyer when the shop no longer accepts their session.
export function SessionBanner() {
  const shopId = useBuyerStore((s) => s.shop?.shopId)
  const status = useSessionStore((s) => s.shops.find((x) => x.shopId === shopId)?.status)
  if (status !== 'unauthorized') return null
  return (
    <div className="session-banner">
      <ErrorBanner title="You are signed out of this shop">
        The shop no longer accepts this session. Your trades stay on this computer;{' '}
        <a href="#/buyer/connect">sign in again</a> to get new updates and place orders.
      </ErrorBanner>
    </div>
  )
}
