import type { TrainingRun } from '../../../../../shared/contract/operations.js'
import { formatDateTime } from '../../../lib/format.js'

// What the scenario did and saw so far, newest first; the latest line
// shows, the rest fold away.
export function TrainingLog({ log }: { log: TrainingRun['log'] }) {
  if (log.length === 0) return null
  const newest = [...log].reverse()
  const [latest] = newest
  return (
    <details className="training__log">
      <summary>
        <span className="training__goal-label">Log</span> {latest?.text}
        {newest.length > 1 && <span className="muted"> · show all {newest.length}</span>}
      </summary>
      <ol className="training__entries" aria-label="Scenario log">
        {newest.map((entry, i) => (
          <li key={`${entry.at}-${i}`}>
            <time className="training__time" dateTime={entry.at}>{formatDateTime(entry.at, true)}</time> {entry.text}
          </li>
        ))}
      </ol>
    </details>
  )
}
