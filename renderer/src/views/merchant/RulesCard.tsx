import { useEffect } from 'react'
import { describeError } from '../../lib/errors.js'
import { useSettingsStore } from '../../stores/useSettingsStore.js'
import { Card } from '../../ui/Card.js'
import { ErrorBanner } from '../../ui/ErrorBanner.js'
import { Loading } from '../../ui/Spinner.js'
import { RulesForm } from './RulesForm.js'

// "Rules and thresholds": the shop's automatic rules, how long a trade
// may wait before it needs attention, and when stock is low.
export function RulesCard({ running }: { running: boolean }) {
  const settings = useSettingsStore((s) => s.settings)
  const load = useSettingsStore((s) => s.load)
  const error = useSettingsStore((s) => s.error)
  const fetch = useSettingsStore((s) => s.fetch)

  useEffect(() => {
    void useSettingsStore.getState().fetch(useSettingsStore.getState().settings != null)
  }, [running])

  let body
  // A new form when the saved values change (here or in another window).
  const version = settings != null
    ? JSON.stringify([settings.rules, settings.attention, settings.lowStock.threshold])
    : ''
  if (settings != null) body = <RulesForm key={version} settings={settings} />
  else if (load === 'error') {
    body = (
      <ErrorBanner title="Could not load the rules and thresholds" onRetry={() => void fetch()}>
        {error != null ? describeError(error) : 'Unknown problem.'}
      </ErrorBanner>
    )
  } else body = <Loading label="Loading the rules…" />

  return <Card title="Rules and thresholds" className="span-2">{body}</Card>
}
