import type { ShopSettings, RuleName } from '../../shared/protocol/settings.js'
import type { Track, TrackStatus } from '../../shared/protocol/statuses.js'
import { checkMove } from '../../shared/protocol/trade-state.js'

export interface RuleMove {
  rule: RuleName
  track: Track
  to: string
}

type Candidate = (s: TrackStatus) => Omit<RuleMove, 'rule'> | null

// What each rule does, given the trade's statuses after a change.
const RULE_MOVES: Record<RuleName, Candidate> = {
  capture_on_ship: (s) =>
    s.delivery === 'shipped' && s.payment === 'authorized'
      ? { track: 'payment', to: 'captured' }
      : null,
  complete_when_delivered_and_paid: (s) =>
    s.order === 'ready' && s.delivery === 'delivered' && s.payment === 'captured'
      ? { track: 'order', to: 'completed' }
      : null,
  settle_on_cancel: (s) => {
    if (s.order !== 'cancelled') return null
    if (s.payment === 'authorized') return { track: 'payment', to: 'voided' }
    if (s.payment === 'captured') return { track: 'payment', to: 'refunded' }
    if (s.delivery === 'pending') return { track: 'delivery', to: 'cancelled' }
    return null
  },
  refund_on_return: (s) => {
    if (s.delivery !== 'returned') return null
    if (s.payment === 'captured') return { track: 'payment', to: 'refunded' }
    if (s.payment === 'authorized') return { track: 'payment', to: 'voided' }
    return null
  },
}

// The next status change the merchant's rules call for, if any. The
// server applies it as an ordinary move (named by its rule) and asks
// again, until no rule has anything left to do.
export function nextRuleMove(
  statuses: TrackStatus,
  settings: ShopSettings,
): RuleMove | null {
  for (const rule of Object.keys(RULE_MOVES) as RuleName[]) {
    if (!settings.rules[rule]) continue
    const move = RULE_MOVES[rule](statuses)
    if (move == null) continue
    const legal = checkMove(statuses, move.track, move.to as never)
    if (legal.ok) return { rule, ...move }
  }
  return null
}
