import { describeError } from '../../lib/errors.js'
import { useShopStore } from '../../stores/useShopStore.js'
import { ErrorBanner } from '../../ui/ErrorBanner.js'
import { PageHeader } from '../../ui/Shell.js'
import { Loading } from '../../ui/Spinner.js'
import { BuyerWindowButton } from './BuyerWindowButton.js'
import { ConnectedBuyers } from './ConnectedBuyers.js'
import { RulesCard } from './RulesCard.js'
import { ShopSettings } from './ShopSettings.js'
import { ShopStatusCard } from './ShopStatusCard.js'

// The shop itself: running state, address, key, settings, rules and
// thresholds, buyers.
export function ShopView() {
  const status = useShopStore((s) => s.status)
  const error = useShopStore((s) => s.error)
  const clearError = useShopStore((s) => s.clearError)

  return (
    <div className="page">
      <PageHeader
        title="Shop"
        description="Your shop server on this computer, and the buyers connected to it"
        actions={<BuyerWindowButton />}
      />
      {error != null && (
        <ErrorBanner title="The shop could not do that" onRetry={clearError} retryLabel="Dismiss">
          {describeError(error)}
        </ErrorBanner>
      )}
      {status == null
        ? <Loading label="Reading the shop’s state…" />
        : (
          <div className="grid-2 grid-2--wide-left">
            <ShopStatusCard status={status} />
            <ShopSettings status={status} />
            <RulesCard running={status.running} />
            <ConnectedBuyers running={status.running} />
          </div>
        )}
    </div>
  )
}
