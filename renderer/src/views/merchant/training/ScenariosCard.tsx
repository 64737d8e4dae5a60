import { describeError } from '../../../lib/errors.js'
import { useTrainingStore } from '../../../stores/useTrainingStore.js'
import { useUiStore } from '../../../stores/useUiStore.js'
import { Button } from '../../../ui/Button.js'
import { Card } from '../../../ui/Card.js'
import { EmptyState } from '../../../ui/EmptyState.js'
import { ErrorBanner } from '../../../ui/ErrorBanner.js'
import { Loading } from '../../../ui/Spinner.js'

// The training scenarios, each with its goal and a Start button. One
// runs at a time; its progress shows in the banner above every page.
export function ScenariosCard() {
  const scenarios = useTrainingStore((s) => s.scenarios)
  const load = useTrainingStore((s) => s.load)
  const error = useTrainingStore((s) => s.error)
  const run = useTrainingStore((s) => s.run)
  const busy = useTrainingStore((s) => s.busy)
  const fetchList = useTrainingStore((s) => s.fetchList)
  const start = useTrainingStore((s) => s.start)
  const toast = useUiStore((s) => s.toast)

  async function begin(id: string, title: string) {
    const outcome = await start(id)
    if (!outcome.ok) toast(`“${title}” did not start: ${describeError(outcome.error)}`, 'danger')
    else toast(`Scenario started: ${title}`, 'success')
  }

  let body
  if (load === 'error' && scenarios.length === 0) {
    body = (
      <ErrorBanner title="Could not load the scenarios" onRetry={() => void fetchList()}>
        {error != null ? describeError(error) : 'Unknown problem.'}
      </ErrorBanner>
    )
  } else if ((load === 'idle' || load === 'loading') && scenarios.length === 0) body = <Loading label="Loading the scenarios…" />
  else if (scenarios.length === 0) body = <EmptyState icon="training" title="No scenarios yet">Scenarios your console offers appear here.</EmptyState>
  else {
    body = (
      <ul className="scenarios" aria-label="Scenarios">
        {scenarios.map((s) => {
          const current = run?.scenarioId === s.id
          return (
            <li key={s.id} className={current ? 'scenario is-current' : 'scenario'}>
              <div className="scenario__text">
                <h3 className="scenario__title">{s.title}</h3>
                <p className="scenario__description">{s.description}</p>
                <p className="scenario__goal"><span className="scenario__goal-label">Goal</span> {s.goal}</p>
              </div>
              <Button
                variant={current ? 'secondary' : 'primary'}
                size="sm"
                aria-label={`Start scenario ${s.title}`}
                busy={busy === s.id}
                disabled={busy != null || run != null}
                title={run != null ? 'Stop the scenario in progress first' : undefined}
                onClick={() => void begin(s.id, s.title)}
              >
                {current ? 'Running' : 'Start'}
              </Button>
            </li>
          )
        })}
      </ul>
    )
  }

  return <Card title="Training scenarios">{body}</Card>
}
