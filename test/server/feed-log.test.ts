import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Processing } from '../../shared/protocol/index.js'
import { FeedLog } from '../../server/store/feed-log.js'
import type { StoredFeedEvent } from '../../server/store/records.js'
import type { Undo } from '../../server/store/trade-record.js'

// The buyer's trades, by place; T-X is a trade of somebody else.
const TRADES = ['T-A', 'T-B', 'T-C'].map((tradingId) => ({ tradingId }))

const stray: Processing = {
  tradingId: 'T-STRAY',
  order: { status: 'accepted' },
  delivery: { status: 'pending' },
  payment: { status: 'pending' },
  updatedAt: '2026-12-04T00:00:00.000Z',
  contentsDigest: 'ab'.repeat(32),
}

const event: fc.Arbitrary<StoredFeedEvent> = fc.oneof(
  fc.record({
    seq: fc.integer({ min: 1, max: 40 }),
    type: fc.constant('trading:info' as const),
    tradingId: fc.constantFrom('T-A', 'T-B', 'T-C', 'T-X'),
  }),
  fc.record({
    seq: fc.integer({ min: 1, max: 40 }),
    type: fc.constant('trading:processing' as const),
    tradingId: fc.constantFrom('T-A', 'T-B', 'T-C', 'T-X'),
    index: fc.integer({ min: 0, max: 12 }),
  }),
  fc.integer({ min: 1, max: 40 }).map((seq) => ({ seq, type: 'trading:processing' as const, stray })),
)

// A step: set an event (with its trade's place, a wrong place, or none),
// or undo the newest change not undone yet.
const step = fc.oneof(
  fc.record({
    ev: event,
    place: fc.constantFrom<'right' | 'wrong' | 'none'>('right', 'wrong', 'none'),
  }),
  fc.constant('undo' as const),
)

describe('a feed log', () => {
  it('holds exactly the events set, and undoes them newest first', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const log = new FeedLog((i) => TRADES[i]?.tradingId)
        let model: (StoredFeedEvent | null)[] = []
        const undos: Array<{ undo: Undo; before: (StoredFeedEvent | null)[] }> = []
        for (const s of steps) {
          if (s === 'undo') {
            const last = undos.pop()
            if (last == null) continue
            last.undo()
            model = last.before
          } else {
            const { ev, place } = s
            const right = 'tradingId' in ev ? TRADES.findIndex((t) => t.tradingId === ev.tradingId) : -1
            const trade = place === 'none' ? undefined : place === 'right' && right >= 0 ? right : 2 - Math.max(right, 0)
            const before = [...model]
            undos.push({ undo: log.set(ev, trade), before })
            while (model.length < ev.seq) model.push(null)
            model[ev.seq - 1] = ev
          }
          expect(log.length).toBe(model.length)
          model.forEach((m, i) => {
            if (m == null) expect(() => log.at(i)).toThrow(/no event/)
            else expect(log.at(i)).toEqual(m)
          })
        }
      }),
      { numRuns: 1000 },
    )
  })

  it('is rebuilt from its events for a buyer\'s trades', () => {
    const events: StoredFeedEvent[] = [
      { seq: 1, type: 'trading:info', tradingId: 'T-A' },
      { seq: 2, type: 'trading:processing', tradingId: 'T-A', index: 0 },
      { seq: 3, type: 'trading:processing', stray },
      { seq: 4, type: 'trading:info', tradingId: 'T-X' },
    ]
    const log = FeedLog.from(events, TRADES)

    expect(log.slice(0)).toStrictEqual(events)
    expect(JSON.parse(JSON.stringify(log))).toStrictEqual(events)
  })
})
