import { useState } from 'react'
import { navigate } from '../../app/route.js'
import { describeError } from '../../lib/errors.js'
import { DEFAULT_DEMO_RATE, useDemoStore } from '../../stores/useDemoStore.js'
import { Button } from '../../ui/Button.js'
import { ErrorBanner } from '../../ui/ErrorBanner.js'
import { Icon } from '../../ui/Icon.js'

// For trainers: a demo shop with sample products and simulated buyers,
// started in one click, then the Training page to pick a scenario.
export function DemoShopPrompt() {
  const busy = useDemoStore((s) => s.busy === 'start')
  const start = useDemoStore((s) => s.start)
  const [problem, setProblem] = useState<string | null>(null)

  async function run() {
    setProblem(null)
    const outcome = await start(DEFAULT_DEMO_RATE)
    if (outcome.ok) navigate('#/merchant/training')
    else setProblem(describeError(outcome.error))
  }

  return (
    <section className="demo-prompt" aria-labelledby="demo-prompt-title">
      <span className="demo-prompt__icon" aria-hidden="true"><Icon name="training" size={20} /></span>
      <div className="demo-prompt__text">
        <h2 className="demo-prompt__title" id="demo-prompt-title">Training someone?</h2>
        <p>
          The demo shop has sample products and simulated buyers placing about {DEFAULT_DEMO_RATE} orders a minute, and
          guided scenarios to practise on. It runs in place of your own shop until you stop it.
        </p>
        {problem != null && <ErrorBanner title="The demo shop did not start">{problem}</ErrorBanner>}
      </div>
      <Button busy={busy} onClick={() => void run()}>Start demo shop</Button>
    </section>
  )
}
