import fc from 'fast-check'
import { decodeTime, encodeTime, isValid } from 'ulid'
import { describe, expect, it } from 'vitest'
import { newUlid, ulidTime } from '../../shared/ids.js'
import { BuyerId, TradingId } from '../../shared/protocol/index.js'

describe('newUlid', () => {
  it('makes valid ULIDs of the present time, as the schemas accept them', () => {
    for (let i = 0; i < 2000; i++) {
      const before = Date.now()
      const id = newUlid()
      const after = Date.now()
      expect(isValid(id)).toBe(true)
      expect(TradingId.safeParse(`T-${id}`).success).toBe(true)
      expect(BuyerId.safeParse(`B-${id}`).success).toBe(true)
      const at = decodeTime(id)
      expect(at).toBeGreaterThanOrEqual(before)
      expect(at).toBeLessThanOrEqual(after)
    }
  })

  it('never repeats, and uses every character in the random part', () => {
    const ids = Array.from({ length: 20_000 }, () => newUlid())
    expect(new Set(ids).size).toBe(ids.length)
    const seen = new Set(ids.flatMap((id) => [...id.slice(10)]))
    expect(seen.size).toBe(32)
  })

  it('writes times as the ulid package does', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 48 - 1 }), (ms) => {
        expect(ulidTime(ms)).toBe(encodeTime(ms))
      }),
      { numRuns: 2000 },
    )
    expect(ulidTime(0)).toBe('0000000000')
    expect(ulidTime(2 ** 48 - 1)).toBe('7ZZZZZZZZZ')
  })
})
