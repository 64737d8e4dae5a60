import { randomFillSync } from 'node:crypto'
import { ulid } from 'ulid'

// ULIDs whose random part is drawn from a pooled buffer of secure random
// bytes: ulid's own source asks the system for one byte per character,
// which cost a fifth of the shop's CPU while taking orders.
const pool = Buffer.alloc(4096)
let next = pool.length

function pooledRandom(): number {
  if (next >= pool.length) {
    randomFillSync(pool)
    next = 0
  }
  return pool[next++]! / 256
}

export function newUlid(): string {
  return ulid(undefined, pooledRandom)
}
