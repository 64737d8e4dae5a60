import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isoTime } from '../../server/shop/clock.js'

const MAX = 8.64e15 // the last moment a Date can hold

describe('isoTime', () => {
  it('writes what toISOString writes, for any moment', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -MAX, max: MAX }), fc.double({ min: -MAX, max: MAX, noNaN: true })), (ms) => {
        expect(isoTime(ms)).toBe(new Date(ms).toISOString())
      }),
      { numRuns: 5000 },
    )
  })

  it('writes each millisecond of one second, and the seconds around it', () => {
    const base = Date.UTC(2026, 11, 3, 16, 40, 0)
    for (let ms = base - 1500; ms < base + 1500; ms++) {
      expect(isoTime(ms)).toBe(new Date(ms).toISOString())
    }
    for (const ms of [0, -1, 999, 1000, -1000, -1001, 253402300799999, 253402300800000, -62198755200000]) {
      expect(isoTime(ms)).toBe(new Date(ms).toISOString())
    }
  })

  it('is the present moment by default', () => {
    const before = Date.now()
    const now = Date.parse(isoTime())
    expect(now).toBeGreaterThanOrEqual(before)
    expect(now).toBeLessThanOrEqual(Date.now())
  })
})
