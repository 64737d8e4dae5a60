import { describe, expect, it } from 'vitest'
import {
  reconcile,
  reconcileInto,
  type Ledger,
  type TradingFileData,
} from '../../main/core/index.js'
import type { TrackStatus } from '../../shared/protocol/index.js'
import { BUYER, processing, trading, tradeAt } from './helpers/trades.js'

const ctx = { now: '2025-02-01T00:00:00.000Z', newId: () => 'w-1' }
const known = trading()

function ledger(present: Partial<TrackStatus> | null, lastSeq = 5): Ledger {
  return { lastSeq, trades: { [known.tradingId]: tradeAt(known, present) } }
}

function move(statuses: Partial<TrackStatus>, seq: number | null = 6) {
  const p = processing(known, statuses)
  return { type: 'trading:processing' as const, seq, processing: p }
}

describe('reconcile', () => {
  describe('processing information', () => {
    it.each([
      ['no move at all', {}, {}],
      ['one order move', {}, { order: 'in_preparation' }],
      ['several order moves at once', {}, { order: 'ready' }],
      ['a cancellation', {}, { order: 'cancelled' }],
      ['payment straight to captured', {}, { payment: 'captured' }],
      ['a move on every track', { order: 'ready' }, {
        order: 'completed', delivery: 'delivered', payment: 'refunded',
      }],
      ['a return after delivery', { delivery: 'delivered' }, {
        delivery: 'returned',
      }],
      ['the first update of a new trade', null, { order: 'ready' }],
    ] as const)('applies %s', (_, from, to) => {
      const outcome = reconcile(ledger(from), move(to), ctx)

      expect(outcome.kind).toBe('applied')
      if (outcome.kind !== 'applied') return
      expect(outcome.trade.present).toEqual(move(to).processing)
      expect(outcome.trade.timeline.at(-1)).toEqual({
        seq: 6, receivedAt: ctx.now, processing: move(to).processing,
      })
    })

    it.each([
      ['an order going back', { order: 'ready' }, { order: 'accepted' }],
      ['a completed order reopening', { order: 'completed' }, {
        order: 'in_preparation',
      }],
      ['a cancelled order resuming', { order: 'cancelled' }, {
        order: 'ready',
      }],
      ['a delivery going back', { delivery: 'in_transit' }, {
        delivery: 'shipped',
      }],
      ['a returned parcel delivered', { delivery: 'returned' }, {
        delivery: 'delivered',
      }],
      ['a captured payment authorized', { payment: 'captured' }, {
        payment: 'authorized',
      }],
      ['a failed payment captured', { payment: 'failed' }, {
        payment: 'captured',
      }],
      ['a voided payment refunded', { payment: 'voided' }, {
        payment: 'refunded',
      }],
    ] as const)('refuses %s as impossible', (_, from, to) => {
      const outcome = reconcile(ledger(from), move(to), ctx)

      expect(outcome).toMatchObject({
        kind: 'mismatch',
        warning: { reason: 'impossible_transition', seq: 6 },
      })
    })

    it('refuses an update for an unknown trade', () => {
      const stranger = trading()
      const update = {
        type: 'trading:processing' as const,
        seq: 6,
        processing: processing(stranger),
      }

      const outcome = reconcile(ledger({}), update, ctx)

      expect(outcome).toMatchObject({
        kind: 'mismatch',
        warning: { reason: 'unknown_trading_id', id: 'w-1', at: ctx.now },
      })
    })

    it.each([
      ['another total', { totalMinor: 1 }],
      ['another address', { shipTo: { name: 'Ada', address: 'Elsewhere' } }],
      ['another payment method', { payment: { method: 'invoice' as const } }],
    ])('refuses a digest made from %s', (_, change) => {
      const other = { ...known, ...change }
      const update = move({})
      update.processing = { ...processing(other), tradingId: known.tradingId }

      const outcome = reconcile(ledger({}), update, ctx)

      expect(outcome).toMatchObject({
        kind: 'mismatch',
        warning: { reason: 'digest_mismatch' },
      })
    })

    it.each([
      ['at the cursor', 5],
      ['behind the cursor', 2],
    ])('ignores a replay %s', (_, seq) => {
      const outcome = reconcile(ledger({ order: 'ready' }), move({}, seq), ctx)

      expect(outcome).toEqual({ kind: 'ignored', why: 'replay' })
    })

    it('ignores a seq already in the timeline', () => {
      const l = ledger({ order: 'ready' }, 0)

      const outcome = reconcile(l, move({ order: 'completed' }, 1), ctx)

      expect(outcome).toEqual({ kind: 'ignored', why: 'replay' })
    })

    it('names the trade and the reason in the warning', () => {
      const outcome = reconcile(ledger({ order: 'ready' }),
        move({ order: 'accepted' }), ctx)

      expect(outcome.kind).toBe('mismatch')
      if (outcome.kind !== 'mismatch') return
      expect(outcome.warning.message).toContain(known.tradingId)
      expect(outcome.warning.message).toContain('impossible_transition')
      expect(outcome.warning.message).toContain('order from ready to accepted')
    })
  })

  describe('trading information', () => {
    const info = (t = known, seq: number | null = 6) =>
      ({ type: 'trading:info' as const, seq, trading: t })

    it('stores a new trade without a present state', () => {
      const fresh = trading()

      const outcome = reconcile(ledger({}), info(fresh), ctx)

      expect(outcome).toEqual({
        kind: 'applied',
        tradingId: fresh.tradingId,
        trade: { trading: fresh, present: null, timeline: [] },
      })
    })

    it.each([
      ['with a seq', 6],
      ['without a seq', null],
    ])('leaves the same info %s unchanged', (_, seq) => {
      const outcome = reconcile(ledger({}), info(known, seq), ctx)

      expect(outcome).toEqual({ kind: 'ignored', why: 'unchanged' })
    })

    it('refuses the same trade with other contents', () => {
      const changed = { ...known, totalMinor: 99 }

      const outcome = reconcile(ledger({}), info(changed), ctx)

      expect(outcome).toMatchObject({
        kind: 'mismatch',
        warning: { reason: 'conflicting_trading_info', update: info(changed) },
      })
    })

    it('ignores info at or behind the cursor', () => {
      const outcome = reconcile(ledger({}), info(trading(), 3), ctx)

      expect(outcome).toEqual({ kind: 'ignored', why: 'replay' })
    })
  })
})

describe('reconcileInto', () => {
  function file(): TradingFileData {
    return {
      version: 1,
      server: 'http://127.0.0.1:1',
      buyerId: BUYER,
      lastSeq: 5,
      trades: { [known.tradingId]: tradeAt(known, { order: 'ready' }) },
      orders: [],
      warnings: [],
    }
  }

  it('replaces the trade and moves the cursor when applied', () => {
    const data = file()
    const before = data.trades[known.tradingId]

    reconcileInto(data, move({ order: 'completed' }), ctx)

    expect(data.lastSeq).toBe(6)
    expect(data.trades[known.tradingId]?.timeline).toHaveLength(2)
    expect(before?.timeline).toHaveLength(1)
  })

  it('keeps trades as they were and records a warning on a mismatch', () => {
    const data = file()
    const trades = structuredClone(data.trades)

    reconcileInto(data, move({ order: 'accepted' }, 7), ctx)

    expect(data.trades).toEqual(trades)
    expect(data.warnings).toHaveLength(1)
    expect(data.lastSeq).toBe(7)
  })

  it('leaves the cursor alone for an update without a seq', () => {
    const data = file()

    reconcileInto(data, move({ order: 'completed' }, null), ctx)

    expect(data.lastSeq).toBe(5)
    expect(data.trades[known.tradingId]?.present?.order.status)
      .toBe('completed')
  })
})
