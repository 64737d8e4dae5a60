import { randomFillSync } from 'node:crypto'

// ULIDs (https://github.com/ulid/spec): 48 bits of milliseconds since
// 1970, then 80 random bits, as 26 characters of Crockford's base32, so
// that IDs sort by creation time. The random bits come from a pooled
// buffer of secure random bytes (asking the system for a few bytes per ID
// cost a fifth of the shop's CPU while taking orders), the time part is
// written once per millisecond, and the characters are put together in
// one go: the ulid package's character-by-character strings cost more
// than the rest of an ID.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const CODES = Array.from(ALPHABET, (c) => c.charCodeAt(0))
const TIME_CHARS = 10
const RANDOM_CHARS = 16

const pool = Buffer.alloc(4096)
let next = pool.length
const random: number[] = new Array<number>(RANDOM_CHARS).fill(0)

let timeMs = Number.NaN
let timeText = ''
const timeCodes: number[] = new Array<number>(TIME_CHARS).fill(0)

// The 10 characters of a time in milliseconds (0 to 2^48 - 1).
export function ulidTime(ms: number): string {
  let rest = ms
  let text = ''
  for (let i = 0; i < TIME_CHARS; i++) {
    text = ALPHABET[rest % 32]! + text
    rest = Math.floor(rest / 32)
  }
  return text
}

// `prefix` ("T-", "B-") is written in front of the ULID. The ID is made
// in one piece, so it is one flat string: joined from parts, it would be
// held as a chain of pieces, which a shop keeping hundreds of thousands
// of trade IDs pays for in memory and in garbage collection.
export function newUlid(prefix = ''): string {
  const ms = Date.now()
  if (ms !== timeMs) {
    timeText = ulidTime(ms)
    for (let i = 0; i < TIME_CHARS; i++) timeCodes[i] = timeText.charCodeAt(i)
    timeMs = ms
  }
  if (next + RANDOM_CHARS > pool.length) {
    randomFillSync(pool)
    next = 0
  }
  // 5 random bits per character: the low bits of one random byte each
  for (let i = 0; i < RANDOM_CHARS; i++) random[i] = CODES[pool[next + i]! & 31]!
  next += RANDOM_CHARS
  return String.fromCharCode(...codesOf(prefix), ...timeCodes, ...random)
}

const prefixCodes = new Map<string, number[]>()

function codesOf(prefix: string): number[] {
  let codes = prefixCodes.get(prefix)
  if (codes == null) {
    codes = Array.from(prefix, (c) => c.charCodeAt(0))
    prefixCodes.set(prefix, codes)
  }
  return codes
}
