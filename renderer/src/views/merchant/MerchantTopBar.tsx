import { useShopStore } from '../../stores/useShopStore.js'
import { TonePill } from '../../ui/Badge.js'

// The shop's state at a glance, on every merchant page.
export function MerchantTopBar() {
  const status = useShopStore((s) => s.status)
  const state = status == null
    ? null
    : status.running ? 'running' : status.starting ? 'starting' : 'stopped'

  return (
    <div className="topbar__row">
      <div className="topbar__title">Your shop</div>
      <div className="topbar__status" data-testid="shop-state">
        {state === 'running' && <TonePill tone="success">Running</TonePill>}
        {state === 'starting' && <TonePill tone="info">Starting…</TonePill>}
        {state === 'stopped' && <TonePill tone="neutral">Stopped</TonePill>}
        {status?.running === true && status.url != null && (
          <span className="topbar__address mono" title="The address buyers connect to">{status.url}</span>
        )}
      </div>
    </div>
  )
}
