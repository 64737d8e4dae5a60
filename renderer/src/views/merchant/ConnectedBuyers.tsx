import { useEffect } from 'react'
import { describeError } from '../../lib/errors.js'
import { useBuyersStore } from '../../stores/useBuyersStore.js'
import { Button } from '../../ui/Button.js'
import { Card } from '../../ui/Card.js'
import { EmptyState } from '../../ui/EmptyState.js'
import { ErrorBanner } from '../../ui/ErrorBanner.js'
import { Loading } from '../../ui/Spinner.js'
import { DrillButton } from './DrillButton.js'

const POLL_MS = 5000

// Buyers connected to the shop; refreshed while this page is open, since
// main announces no event for them.
export function ConnectedBuyers({ running }: { running: boolean }) {
  const buyers = useBuyersStore((s) => s.buyers)
  const load = useBuyersStore((s) => s.load)
  const error = useBuyersStore((s) => s.error)
  const fetch = useBuyersStore((s) => s.fetch)

  useEffect(() => {
    if (!running) return
    void fetch()
    const timer = setInterval(() => void fetch(true), POLL_MS)
    return () => clearInterval(timer)
  }, [running, fetch])

  let body
  if (!running) body = <EmptyState icon="power" title="The shop is stopped">Buyers can connect once it runs.</EmptyState>
  else if (load === 'loading' && buyers.length === 0) body = <Loading label="Loading buyers…" />
  else if (load === 'error' && error != null) body = <ErrorBanner onRetry={() => void fetch()}>{describeError(error)}</ErrorBanner>
  else if (buyers.length === 0) body = <EmptyState icon="buyer" title="No buyers connected">Buyers appear here when their console is connected to your shop.</EmptyState>
  else {
    body = (
      <table className="table">
        <caption className="sr-only">Connected buyers</caption>
        <thead>
          <tr>
            <th scope="col">Buyer</th>
            <th scope="col" className="num">Devices</th>
            <th scope="col" className="num">Trades</th>
            <th scope="col"><span className="sr-only">Training</span></th>
          </tr>
        </thead>
        <tbody>
          {buyers.map((b) => (
            <tr key={b.buyerId}>
              <td><span className="cell-main">{b.name}</span><span className="cell-sub mono">{b.buyerId}</span></td>
              <td className="num">{b.devices}</td>
              <td className="num">{b.trades}</td>
              <td className="actions-cell"><DrillButton buyerId={b.buyerId} name={b.name} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    )
  }

  return (
    <Card
      className="span-2"
      title="Connected buyers"
      actions={running ? <Button size="sm" variant="ghost" onClick={() => void fetch()}>Refresh buyers</Button> : undefined}
    >
      {body}
    </Card>
  )
}
