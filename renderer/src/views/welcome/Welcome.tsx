import { useConsoleStore } from '../../stores/useConsoleStore.js'
import { ErrorBanner } from '../../ui/ErrorBanner.js'
import { Loading } from '../../ui/Spinner.js'
import { BuyChoice } from './BuyChoice.js'
import { DemoShopPrompt } from './DemoShopPrompt.js'
import { RunShopChoice } from './RunShopChoice.js'

// The first screen: run a shop here, or shop at a merchant.
export function Welcome() {
  const load = useConsoleStore((s) => s.load)
  const error = useConsoleStore((s) => s.error)
  const refresh = useConsoleStore((s) => s.refresh)

  return (
    <main className="welcome">
      <header className="welcome__hero">
        <span className="brand__mark brand__mark--lg" aria-hidden="true">T</span>
        <h1 className="welcome__title">Welcome to Tradepost</h1>
        <p className="welcome__lead">
          Run your own shop from this computer, or follow your orders at a merchant’s shop.
        </p>
      </header>
      {load === 'error' && (
        <ErrorBanner title="Could not read the console’s state" onRetry={() => void refresh()}>
          {error}
        </ErrorBanner>
      )}
      {load === 'loading' || load === 'idle'
        ? <Loading label="Loading your shops…" />
        : (
          <>
            <div className="welcome__choices">
              <RunShopChoice />
              <BuyChoice />
            </div>
            <DemoShopPrompt />
          </>
        )}
    </main>
  )
}
