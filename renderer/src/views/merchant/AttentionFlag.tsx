import { waitedFor, type Waiting } from '../../lib/attention.js'
import { TRACK_LABELS } from '../../lib/labels.js'
import { useAttentionStore } from '../../stores/useAttentionStore.js'
import { Icon } from '../../ui/Icon.js'

// "Needs attention" on a trade waiting longer than its track's threshold;
// which track, and for how long, is read out and shown on hover.
export function AttentionFlag({ waiting }: { waiting: Waiting[] }) {
  const now = useAttentionStore((s) => s.now)
  const detail = waiting
    .map((w) => `${TRACK_LABELS[w.track].toLowerCase()} waiting ${waitedFor(w.since, now)}`)
    .join(', ')
  return (
    <span className="attention-flag" title={`Needs attention: ${detail}`} data-testid="needs-attention">
      <Icon name="clock" size={13} />
      Needs attention
      <span className="sr-only">: {detail}</span>
    </span>
  )
}
