import { useState, type FormEvent } from 'react'
import type { DemoStatus } from '../../../../../shared/contract/operations.js'
import { describeError } from '../../../lib/errors.js'
import { DEFAULT_DEMO_RATE, useDemoStore } from '../../../stores/useDemoStore.js'
import { useUiStore } from '../../../stores/useUiStore.js'
import { Button } from '../../../ui/Button.js'
import { ErrorBanner } from '../../../ui/ErrorBanner.js'
import { TextField } from '../../../ui/Field.js'

const MAX_RATE = 600

// Orders per minute, and Start demo / Stop demo / Reset demo shop.
export function DemoControls({ status, onReset }: { status: DemoStatus; onReset: () => void }) {
  const busy = useDemoStore((s) => s.busy)
  const start = useDemoStore((s) => s.start)
  const stop = useDemoStore((s) => s.stop)
  const toast = useUiStore((s) => s.toast)
  const [rate, setRate] = useState(String(status.rate > 0 ? status.rate : DEFAULT_DEMO_RATE))
  const [rateError, setRateError] = useState<string | null>(null)
  const [failure, setFailure] = useState<string | null>(null)

  async function submit(e: FormEvent) {
    e.preventDefault()
    const value = Number(rate.trim().replace(',', '.'))
    if (rate.trim() === '' || !Number.isFinite(value) || value < 0 || value > MAX_RATE) {
      setRateError(`Enter a number from 0 to ${MAX_RATE}.`)
      return
    }
    setRateError(null)
    setFailure(null)
    const outcome = await start(value)
    if (!outcome.ok) setFailure(describeError(outcome.error))
    else toast(`Demo running: about ${value.toLocaleString()} orders a minute`, 'success')
  }

  async function halt() {
    setFailure(null)
    const outcome = await stop()
    if (!outcome.ok) setFailure(describeError(outcome.error))
    else toast('Demo stopped', 'info')
  }

  return (
    <form className="demo-controls" onSubmit={(e) => void submit(e)} noValidate>
      <TextField
        label="Orders per minute"
        inputMode="decimal"
        value={rate}
        error={rateError}
        hint={status.running ? 'A new rate restarts the simulation (and its count).' : 'Simulated orders a minute, 0 to 600.'}
        onChange={(e) => setRate(e.target.value)}
      />
      <div className="demo-controls__buttons">
        {/* Keyed: a button must not turn into another under the pointer. */}
        {status.running
          ? (
            <>
              <Button key="rate" type="submit" busy={busy === 'start'} disabled={busy != null}>Apply rate</Button>
              <Button key="stop" variant="secondary" busy={busy === 'stop'} disabled={busy != null} onClick={() => void halt()}>Stop demo</Button>
            </>
          )
          : <Button key="start" type="submit" variant="primary" busy={busy === 'start'} disabled={busy != null}>Start demo</Button>}
        <Button variant="danger" busy={busy === 'reset'} disabled={busy != null} onClick={onReset}>Reset demo shop</Button>
      </div>
      {failure != null && <ErrorBanner title="The demo shop could not do that">{failure}</ErrorBanner>}
    </form>
  )
}
