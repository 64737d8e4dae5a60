import { settleMoveLabel } from '../../lib/settle.js'
import { Icon, type IconName } from '../../ui/Icon.js'
import { Spinner } from '../../ui/Spinner.js'
import type { Step, StepState } from './useSettleRun.js'

const STATE_WORDS: Record<StepState, [string, IconName | null]> = {
  pending: ['To do', null],
  running: ['In progress…', null],
  done: ['Done', 'check'],
  'by-rule': ['Done by the shop’s rules', 'check'],
  'not-needed': ['Not needed any more', 'info'],
  failed: ['Refused', 'alert'],
}

// The steps of a return or cancellation, and where each stands.
export function SettleSteps({ steps }: { steps: Step[] }) {
  if (steps.length === 0) return <p className="muted">There is nothing left to do on this trade.</p>
  return (
    <ol className="steps" aria-label="Steps" aria-live="polite">
      {steps.map(({ move, state }) => {
        const [words, icon] = STATE_WORDS[state]
        return (
          <li key={`${move.track}:${move.to}`} className={`steps__item steps__item--${state}`} data-state={state}>
            <span className="steps__mark" aria-hidden="true">
              {state === 'running' ? <Spinner size="sm" /> : icon != null ? <Icon name={icon} size={14} /> : null}
            </span>
            <span className="steps__text">{settleMoveLabel(move)}</span>
            <span className="steps__state">{words}</span>
          </li>
        )
      })}
    </ol>
  )
}
