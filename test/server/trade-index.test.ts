import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { TradeIndex } from '../../server/store/trade-index.js'
import type { TradeRecord } from '../../server/store/trade-record.js'

// Stand-ins for trades: the index only keeps and hands back what it is given.
const record = (n: number) => ({ n }) as unknown as TradeRecord

const op = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), id: fc.string({ maxLength: 4 }), n: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), id: fc.string({ maxLength: 4 }) }),
)

describe('the trade index', () => {
  it('answers as one Map would, for any run of sets and deletes', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
        const index = new TradeIndex()
        const model = new Map<string, TradeRecord>()
        for (const o of ops) {
          if (o.kind === 'set') {
            const r = record(o.n)
            index.set(o.id, r)
            model.set(o.id, r)
          } else {
            expect(index.delete(o.id)).toBe(model.delete(o.id))
          }
          expect(index.size).toBe(model.size)
        }
        for (const [id, r] of model) {
          expect(index.get(id)).toBe(r)
          expect(index.has(id)).toBe(true)
        }
        expect(new Set(index.values())).toEqual(new Set(model.values()))
      }),
      { numRuns: 300 },
    )
  })
})
