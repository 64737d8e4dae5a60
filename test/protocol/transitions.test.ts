import { describe, expect, it } from 'vitest'
import {
  checkMove,
  reachable,
  tradeState,
  TRANSITIONS,
  type TrackStatus,
} from '../../shared/protocol/index.js'

const s = (order: string, delivery: string, payment: string) =>
  ({ order, delivery, payment }) as TrackStatus

describe('checkMove', () => {
  it.each([
    ['order', 'accepted', 'in_preparation', s('accepted', 'pending', 'pending')],
    ['order', 'in_preparation', 'ready', s('in_preparation', 'pending', 'pending')],
    ['order', 'ready', 'cancelled', s('ready', 'pending', 'authorized')],
    ['order', 'ready', 'completed', s('ready', 'delivered', 'captured')],
    ['order', 'ready', 'cancelled', s('ready', 'returned', 'refunded')],
    ['delivery', 'pending', 'shipped', s('ready', 'pending', 'pending')],
    ['delivery', 'shipped', 'in_transit', s('ready', 'shipped', 'pending')],
    ['delivery', 'in_transit', 'delivered', s('ready', 'in_transit', 'pending')],
    ['delivery', 'delivered', 'returned', s('ready', 'delivered', 'captured')],
    ['delivery', 'pending', 'cancelled', s('cancelled', 'pending', 'pending')],
    ['payment', 'pending', 'captured', s('accepted', 'pending', 'pending')],
    ['payment', 'authorized', 'voided', s('cancelled', 'cancelled', 'authorized')],
    ['payment', 'captured', 'refunded', s('cancelled', 'returned', 'captured')],
  ] as const)('allows %s %s → %s', (track, _from, to, present) => {
    expect(checkMove(present, track, to as never)).toEqual({ ok: true })
  })

  it.each([
    ['order', 'completed before delivery', 'completed', s('ready', 'in_transit', 'captured')],
    ['order', 'skipping preparation', 'ready', s('accepted', 'pending', 'pending')],
    ['order', 'back to accepted', 'accepted', s('in_preparation', 'pending', 'pending')],
    ['order', 'cancel after shipping', 'cancelled', s('ready', 'shipped', 'authorized')],
    ['delivery', 'shipping before ready', 'shipped', s('in_preparation', 'pending', 'pending')],
    ['delivery', 'delivered before shipped', 'delivered', s('ready', 'pending', 'pending')],
    ['delivery', 'cancel a shipped parcel', 'cancelled', s('cancelled', 'shipped', 'pending')],
    ['delivery', 'cancel with a live order', 'cancelled', s('ready', 'pending', 'pending')],
    ['delivery', 'return before shipping', 'returned', s('ready', 'pending', 'pending')],
    ['payment', 'refund before capture', 'refunded', s('accepted', 'pending', 'authorized')],
    ['payment', 'void after capture', 'voided', s('accepted', 'pending', 'captured')],
    ['payment', 'capture on a cancelled order', 'captured', s('cancelled', 'cancelled', 'authorized')],
    ['payment', 'any move on a complete trade', 'refunded', s('completed', 'delivered', 'captured')],
    ['delivery', 'any move on a closed trade', 'returned', s('cancelled', 'cancelled', 'voided')],
  ] as const)('refuses %s: %s', (track, _why, to, present) => {
    const check = checkMove(present, track, to as never)
    expect(check.ok).toBe(false)
  })
})

describe('tradeState', () => {
  it.each([
    [s('completed', 'delivered', 'captured'), 'complete'],
    [s('cancelled', 'cancelled', 'voided'), 'closed'],
    [s('cancelled', 'returned', 'refunded'), 'closed'],
    [s('cancelled', 'pending', 'failed'), 'open'],
    [s('ready', 'delivered', 'captured'), 'open'],
  ] as const)('%o is %s', (present, state) => {
    expect(tradeState(present)).toBe(state)
  })
})

describe('reachable', () => {
  it('follows moves through several steps', () => {
    expect([...reachable('delivery', 'shipped')].sort()).toEqual(
      ['delivered', 'in_transit', 'returned', 'shipped'],
    )
  })

  it('reaches nothing new from a final status', () => {
    for (const track of ['order', 'delivery', 'payment'] as const) {
      const table = TRANSITIONS[track] as Record<string, readonly string[]>
      for (const [status, moves] of Object.entries(table)) {
        if (moves.length > 0) continue
        expect([...reachable(track, status as never)]).toEqual([status])
      }
    }
  })
})
