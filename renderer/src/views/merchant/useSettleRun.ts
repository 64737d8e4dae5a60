import { useState } from 'react'
import type { TrackStatus } from '../../../../shared/protocol/statuses.js'
import { describeError } from '../../lib/errors.js'
import { statusesOf } from '../../lib/moves.js'
import { nextSettleMove, plannedMoves, type SettleKind, type SettleMove } from '../../lib/settle.js'
import { useBoardStore } from '../../stores/useBoardStore.js'

// Runs a return or a cancellation one move at a time, reading the trade
// again before each move: the shop's rules may have taken a step already
// (refund on return, settle on cancel), and such a step is not asked for
// twice. A refused move is retried once after the trades are fetched
// afresh, in case the refusal only means the page was behind.

export type StepState = 'pending' | 'running' | 'done' | 'by-rule' | 'not-needed' | 'failed'
export interface Step { move: SettleMove; state: StepState }
export type Phase = 'ask' | 'running' | 'done' | 'failed'

const key = (m: SettleMove) => `${m.track}:${m.to}`
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
// Long enough for a rule's own update to reach the page first.
const SETTLE_MS = 300

function present(tradingId: string): TrackStatus | null {
  const trade = useBoardStore.getState().trades.find((t) => t.trading.tradingId === tradingId)
  return trade != null ? statusesOf(trade.processing) : null
}

export function useSettleRun(tradingId: string, kind: SettleKind, start: TrackStatus) {
  const [steps, setSteps] = useState<Step[]>(() => plannedMoves(start, kind).map((move) => ({ move, state: 'pending' })))
  const [phase, setPhase] = useState<Phase>('ask')
  const [error, setError] = useState<string | null>(null)

  const mark = (move: SettleMove, state: StepState) => setSteps((list) => {
    const found = list.some((s) => key(s.move) === key(move))
    return found ? list.map((s) => (key(s.move) === key(move) ? { move, state } : s)) : [...list, { move, state }]
  })

  async function attempt(move: SettleMove): Promise<string | null> {
    const outcome = await useBoardStore.getState().advance({ tradingId, track: move.track, to: move.to })
    return outcome.ok ? null : describeError(outcome.error)
  }

  async function run() {
    setPhase('running')
    setError(null)
    for (let i = 0; i < 8; i++) {
      const now = present(tradingId)
      const move = now != null ? nextSettleMove(now, kind) : null
      if (move == null) break
      mark(move, 'running')
      let problem = await attempt(move)
      if (problem != null) {
        await useBoardStore.getState().fetch(true)
        const again = present(tradingId)
        const still = again != null ? nextSettleMove(again, kind) : null
        if (still == null || key(still) !== key(move)) {
          mark(move, again?.[move.track] === move.to ? 'by-rule' : 'not-needed')
          continue
        }
        problem = await attempt(move)
      }
      if (problem != null) {
        mark(move, 'failed')
        setError(problem)
        setPhase('failed')
        return
      }
      mark(move, 'done')
      await pause(SETTLE_MS)
    }
    const end = present(tradingId)
    setSteps((list) => list.map((s) => s.state !== 'pending' ? s
      : { ...s, state: end?.[s.move.track] === s.move.to ? 'by-rule' : 'not-needed' }))
    setPhase('done')
  }

  return { steps, phase, error, run }
}
