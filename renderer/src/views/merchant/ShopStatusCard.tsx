import type { ShopStatus } from '../../../../shared/contract/types.js'
import { useShopStore } from '../../stores/useShopStore.js'
import { TonePill } from '../../ui/Badge.js'
import { Button } from '../../ui/Button.js'
import { Card } from '../../ui/Card.js'
import { ErrorBanner } from '../../ui/ErrorBanner.js'
import { DetailList } from '../shared/DetailList.js'
import { MerchantKey } from './MerchantKey.js'

// Running or not, where buyers reach it, and start / stop.
export function ShopStatusCard({ status }: { status: ShopStatus }) {
  const busy = useShopStore((s) => s.busy)
  const start = useShopStore((s) => s.start)
  const stop = useShopStore((s) => s.stop)
  const pill = status.running
    ? <TonePill tone="success" testId="shop-running-state">Running</TonePill>
    : status.starting
      ? <TonePill tone="info" testId="shop-running-state">Starting…</TonePill>
      : <TonePill tone="neutral" testId="shop-running-state">Stopped</TonePill>

  return (
    <Card
      title="Shop server"
      actions={status.running
        ? <Button key="stop" variant="danger" busy={busy === 'stop'} onClick={() => void stop()}>Stop shop</Button>
        : <Button key="start" variant="primary" busy={busy === 'start' || status.starting} onClick={() => void start()}>Start shop</Button>}
    >
      <DetailList
        rows={[
          ['State', pill],
          ['Address', status.url != null ? <span className="mono">{status.url}</span> : <span className="muted">Not listening</span>],
          ['Host and port', <span className="mono">{status.host}:{status.port === 0 ? 'any free port' : status.port}</span>],
          ['Merchant key', <MerchantKey value={status.merchantKey} />],
          ['Data folder', <span className="mono break">{status.dataDir}</span>],
        ]}
      />
      {status.error != null && <ErrorBanner title="The shop reported a problem">{status.error}</ErrorBanner>}
    </Card>
  )
}
