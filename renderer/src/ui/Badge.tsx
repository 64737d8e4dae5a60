import type { ReactNode } from 'react'
import type { Track } from '../../../shared/protocol/statuses.js'
import { statusLabel, statusTone, TRACK_LABELS, type Tone } from '../lib/labels.js'

export function Badge({ tone = 'neutral', children, testId }: { tone?: Tone; children: ReactNode; testId?: string }) {
  return <span className={`badge badge--${tone}`} data-testid={testId}>{children}</span>
}

// One track's status: colour and words. `caption` shows the track's name
// visibly; otherwise it is still read out by screen readers.
export function StatusPill({ track, status, caption = false }: { track: Track; status: string; caption?: boolean }) {
  const tone = statusTone(track, status)
  return (
    <span className={`pill pill--${tone}`} data-track={track} data-status={status}>
      <span className="pill__dot" aria-hidden="true" />
      {caption
        ? <span className="pill__track">{TRACK_LABELS[track]}</span>
        : <span className="sr-only">{TRACK_LABELS[track]}: </span>}
      <span className="pill__text">{statusLabel(track, status)}</span>
    </span>
  )
}

export function TonePill({ tone, children, testId }: { tone: Tone; children: ReactNode; testId?: string }) {
  return (
    <span className={`pill pill--${tone}`} data-testid={testId}>
      <span className="pill__dot" aria-hidden="true" />
      <span className="pill__text">{children}</span>
    </span>
  )
}
