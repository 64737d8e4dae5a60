import { describe, expect, it } from 'vitest'
import { DEFAULT_SHOP_SETTINGS, type ShopSettings } from '../../shared/protocol/settings.js'
import type { TrackStatus } from '../../shared/protocol/statuses.js'
import { nextRuleMove } from '../../server/shop/rules.js'

const ALL_ON: ShopSettings = {
  ...DEFAULT_SHOP_SETTINGS,
  rules: {
    capture_on_ship: true,
    complete_when_delivered_and_paid: true,
    settle_on_cancel: true,
    refund_on_return: true,
  },
}
const s = (order: string, delivery: string, payment: string) =>
  ({ order, delivery, payment }) as TrackStatus

describe('nextRuleMove', () => {
  it.each([
    ['captures on ship', s('ready', 'shipped', 'authorized'), 'capture_on_ship', 'payment', 'captured'],
    ['completes when delivered and paid', s('ready', 'delivered', 'captured'), 'complete_when_delivered_and_paid', 'order', 'completed'],
    ['voids on cancel', s('cancelled', 'pending', 'authorized'), 'settle_on_cancel', 'payment', 'voided'],
    ['refunds on cancel', s('cancelled', 'returned', 'captured'), 'settle_on_cancel', 'payment', 'refunded'],
    ['cancels the unshipped delivery on cancel', s('cancelled', 'pending', 'voided'), 'settle_on_cancel', 'delivery', 'cancelled'],
    ['refunds a returned parcel', s('ready', 'returned', 'captured'), 'refund_on_return', 'payment', 'refunded'],
  ] as const)('%s', (_what, statuses, rule, track, to) => {
    expect(nextRuleMove(statuses, ALL_ON)).toEqual({ rule, track, to })
  })

  it.each([
    ['a rule that is off', s('ready', 'shipped', 'authorized'), DEFAULT_SHOP_SETTINGS],
    ['nothing to do', s('in_preparation', 'pending', 'authorized'), ALL_ON],
    ['a complete trade', s('completed', 'delivered', 'captured'), ALL_ON],
    ['a closed trade', s('cancelled', 'cancelled', 'voided'), ALL_ON],
  ] as const)('does nothing for %s', (_what, statuses, settings) => {
    expect(nextRuleMove(statuses, settings)).toBeNull()
  })

  it('settles a cancelled trade to closed step by step', () => {
    let at = s('cancelled', 'pending', 'authorized')
    const moves: string[] = []
    for (let m = nextRuleMove(at, ALL_ON); m != null; m = nextRuleMove(at, ALL_ON)) {
      moves.push(`${m.track}:${m.to}`)
      at = { ...at, [m.track]: m.to }
    }
    expect(moves).toEqual(['payment:voided', 'delivery:cancelled'])
  })
})
