import { navigate } from '../../app/route.js'
import { describeError } from '../../lib/errors.js'
import { useShopStore } from '../../stores/useShopStore.js'
import { Button } from '../../ui/Button.js'
import { ErrorBanner } from '../../ui/ErrorBanner.js'
import { Icon } from '../../ui/Icon.js'
import { TonePill } from '../../ui/Badge.js'

export function RunShopChoice() {
  const status = useShopStore((s) => s.status)
  const busy = useShopStore((s) => s.busy)
  const error = useShopStore((s) => s.error)
  const start = useShopStore((s) => s.start)
  const running = status?.running === true

  async function run() {
    if (await start()) navigate('#/merchant/board')
  }

  return (
    <section className="choice" aria-labelledby="choice-shop">
      <span className="choice__icon"><Icon name="shop" size={22} /></span>
      <h2 className="choice__title" id="choice-shop">Sell from this computer</h2>
      <p className="choice__text">
        Start your shop here. Buyers connect to its address, place orders and follow them;
        you manage orders, stock and payments in the merchant console.
      </p>
      {running && (
        <p className="choice__status">
          <TonePill tone="success">Running</TonePill>
          <span>Your shop is running at <strong className="mono">{status.url}</strong></span>
        </p>
      )}
      {error != null && <ErrorBanner title="The shop did not start">{describeError(error)}</ErrorBanner>}
      <div className="choice__actions">
        {running
          ? <Button variant="primary" onClick={() => navigate('#/merchant/board')}>Open merchant console</Button>
          : (
            <Button variant="primary" busy={busy === 'start'} onClick={() => void run()}>
              Run my shop on this computer
            </Button>
          )}
      </div>
    </section>
  )
}
