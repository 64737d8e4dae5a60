import { useState } from 'react'
import type { Payload } from '../../../../shared/contract/types.js'
import { TRACKS } from '../../../../shared/protocol/statuses.js'
import type { Processing, Trading } from '../../../../shared/protocol/schemas.js'
import { describeError } from '../../lib/errors.js'
import { statusLabel, TRACK_LABELS } from '../../lib/labels.js'
import { blockedReasons, legalMoves, statusesOf, type Move } from '../../lib/moves.js'
import { useBoardStore } from '../../stores/useBoardStore.js'
import { useUiStore } from '../../stores/useUiStore.js'
import { StatusPill } from '../../ui/Badge.js'
import { Button } from '../../ui/Button.js'
import { ErrorBanner } from '../../ui/ErrorBanner.js'
import { MoveConfirm } from './MoveConfirm.js'
import { ShipDialog } from './ShipDialog.js'

function sentence(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`
}

type Extra = Pick<Payload<'merchant:advance'>, 'carrier' | 'trackingNo' | 'note'>

// One button for each legal next status of each track.
export function TradeActions({ trading, processing }: { trading: Trading; processing: Processing }) {
  const advance = useBoardStore((s) => s.advance)
  const toast = useUiStore((s) => s.toast)
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [asking, setAsking] = useState<Move | null>(null)
  const present = statusesOf(processing)
  const moves = legalMoves(present)

  // Resolves to an error message, or null when the move was made.
  async function run(move: Move, extra: Extra = {}): Promise<string | null> {
    setBusy(`${move.track}:${move.to}`)
    setError(null)
    const outcome = await advance({
      tradingId: trading.tradingId,
      track: move.track,
      to: move.to,
      ...extra,
    })
    setBusy(null)
    if (outcome.ok) {
      toast(`${TRACK_LABELS[move.track]} is now ${statusLabel(move.track, move.to).toLowerCase()}`, 'success')
      return null
    }
    return describeError(outcome.error)
  }

  async function click(move: Move) {
    if (move.kind !== 'plain') return setAsking(move)
    setError(await run(move))
  }

  return (
    <section className="panel__section" aria-labelledby="panel-actions">
      <h3 className="section-title" id="panel-actions">Next steps</h3>
      <div className="tracks">
        {TRACKS.map((track) => (
          <div key={track} className="track" role="group" aria-label={`${TRACK_LABELS[track]} actions`}>
            <div className="track__head">
              <span className="track__name">{TRACK_LABELS[track]}</span>
              <StatusPill track={track} status={present[track]} />
            </div>
            <div className="track__moves">
              {moves[track].length === 0 && <span className="track__none">No further steps</span>}
              {moves[track].map((move) => (
                <Button
                  key={move.to}
                  size="sm"
                  variant={move.kind === 'confirm' ? 'danger' : 'secondary'}
                  busy={busy === `${track}:${move.to}`}
                  disabled={busy != null}
                  onClick={() => void click(move)}
                >
                  {move.label}
                </Button>
              ))}
            </div>
            {blockedReasons(present, track).map((reason) => (
              <p key={reason} className="track__hint">{sentence(reason)}</p>
            ))}
          </div>
        ))}
      </div>
      {error != null && <ErrorBanner title="The shop refused this step">{error}</ErrorBanner>}
      {asking?.kind === 'ship' && (
        <ShipDialog onSubmit={(extra) => run(asking, extra)} onClose={() => setAsking(null)} />
      )}
      {asking?.kind === 'confirm' && (
        <MoveConfirm move={asking} trading={trading} onConfirm={() => run(asking)} onClose={() => setAsking(null)} />
      )}
    </section>
  )
}
