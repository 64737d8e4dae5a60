import { useEffect } from 'react'
import { describeError } from '../../../lib/errors.js'
import { shortId } from '../../../lib/format.js'
import { useTrainingStore } from '../../../stores/useTrainingStore.js'
import { useUiStore } from '../../../stores/useUiStore.js'
import { TonePill } from '../../../ui/Badge.js'
import { Button } from '../../../ui/Button.js'
import { Icon } from '../../../ui/Icon.js'
import { TrainingLog } from './TrainingLog.js'

// The scenario in progress, above every merchant page: its goal, whether
// it is reached yet, what happened so far, its trades, and Stop.
export function TrainingBanner() {
  const run = useTrainingStore((s) => s.run)
  const busy = useTrainingStore((s) => s.busy === 'stop')
  const stop = useTrainingStore((s) => s.stop)
  const toast = useUiStore((s) => s.toast)

  useEffect(() => {
    void useTrainingStore.getState().fetchRun()
  }, [])

  if (run == null) return null

  async function halt() {
    const outcome = await stop()
    if (!outcome.ok) toast(`The scenario did not stop: ${describeError(outcome.error)}`, 'danger')
  }

  return (
    <section className={run.goalReached ? 'training training--done' : 'training'} aria-labelledby="training-title" data-testid="training-banner">
      <span className="training__icon" aria-hidden="true"><Icon name="training" size={20} /></span>
      <div className="training__body">
        <p className="training__eyebrow">Training scenario</p>
        <h2 className="training__title" id="training-title">{run.title}</h2>
        <p className="training__goal"><span className="training__goal-label">Goal</span> {run.goal}</p>
        {run.tradingIds.length > 0 && (
          <p className="training__trades">
            <span className="training__goal-label">Trades</span>{' '}
            {run.tradingIds.map((id, i) => (
              <span key={id}>
                {i > 0 && ', '}
                <a className="mono" href={`#/merchant/board/${encodeURIComponent(id)}`} aria-label={`Scenario trade ${id}`}>{shortId(id)}</a>
              </span>
            ))}
          </p>
        )}
        <TrainingLog log={run.log} />
      </div>
      <div className="training__side">
        <span role="status" data-testid="training-goal">
          {run.goalReached
            ? <TonePill tone="success">Goal reached ✓</TonePill>
            : <TonePill tone="info">In progress</TonePill>}
        </span>
        <Button size="sm" busy={busy} onClick={() => void halt()}>Stop scenario</Button>
      </div>
    </section>
  )
}
