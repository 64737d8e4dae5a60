import { useState } from 'react'
import { describeError } from '../../../lib/errors.js'
import { formatDateTime } from '../../../lib/format.js'
import { useDemoStore } from '../../../stores/useDemoStore.js'
import { TonePill } from '../../../ui/Badge.js'
import { Card } from '../../../ui/Card.js'
import { ErrorBanner } from '../../../ui/ErrorBanner.js'
import { Loading } from '../../../ui/Spinner.js'
import { DetailList } from '../../shared/DetailList.js'
import { DemoControls } from './DemoControls.js'
import { ResetDemoDialog } from './ResetDemoDialog.js'

// The demo shop: its state, how fast simulated buyers order, and start,
// stop and reset.
export function DemoCard() {
  const status = useDemoStore((s) => s.status)
  const load = useDemoStore((s) => s.load)
  const error = useDemoStore((s) => s.error)
  const fetch = useDemoStore((s) => s.fetch)
  const [resetting, setResetting] = useState(false)

  let body
  if (status == null && load === 'error') {
    body = (
      <ErrorBanner title="Could not read the demo shop’s state" onRetry={() => void fetch()}>
        {error != null ? describeError(error) : 'Unknown problem.'}
      </ErrorBanner>
    )
  } else if (status == null) body = <Loading label="Reading the demo shop…" />
  else {
    const pill = status.running
      ? <TonePill tone="success" testId="demo-state">Running</TonePill>
      : status.active
        ? <TonePill tone="neutral" testId="demo-state">Stopped</TonePill>
        : <TonePill tone="neutral" testId="demo-state">Not in use</TonePill>
    body = (
      <>
        <p className="muted">
          Simulated buyers place orders in the demo shop, and a simulated carrier and payment gateway move them along, so
          there is always something to practise on. The demo runs in place of your own shop: while it is on, your buyers
          cannot reach you. Stop demo switches back; then start your shop again from the Shop page.
        </p>
        <DetailList
          rows={[
            ['State', pill],
            ['Orders per minute', status.rate.toLocaleString()],
            ['Orders placed', status.ordersPlaced.toLocaleString()],
            ['Started', status.startedAt != null ? formatDateTime(status.startedAt) : '—'],
            ['Seed', <span className="mono" title="The same seed replays the same simulated orders">{status.seed}</span>],
          ]}
        />
        <DemoControls status={status} onReset={() => setResetting(true)} />
      </>
    )
  }

  return (
    <Card title="Demo shop">
      {body}
      {resetting && <ResetDemoDialog onClose={() => setResetting(false)} />}
    </Card>
  )
}
