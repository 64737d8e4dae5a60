// Token buckets by key: each key may spend up to `burst` at once and
// earns `perSecond` back over time. Used for order placement per
// connection and sign-in attempts per name and per address.
export interface Rate {
  burst: number
  perSecond: number
}

interface Bucket {
  tokens: number
  at: number
}

// Past this many keys, buckets that have filled up again are forgotten,
// so a flood of new keys cannot grow memory without end.
const PRUNE_ABOVE = 10_000

export class Throttle {
  #buckets = new Map<string, Bucket>()

  constructor(
    private readonly rate: Rate,
    private readonly now: () => number = Date.now,
  ) {}

  // Spends one token for `key`; false when there is none to spend.
  take(key: string): boolean {
    const bucket = this.#refilled(key)
    if (bucket.tokens < 1) return false
    bucket.tokens -= 1
    return true
  }

  // Gives back a token spent on something that turned out fine.
  refund(key: string): void {
    const bucket = this.#refilled(key)
    bucket.tokens = Math.min(this.rate.burst, bucket.tokens + 1)
  }

  // Seconds until `key` has a token again (0 when it has one now).
  retryAfter(key: string): number {
    const bucket = this.#refilled(key)
    if (bucket.tokens >= 1) return 0
    return Math.ceil((1 - bucket.tokens) / this.rate.perSecond)
  }

  #refilled(key: string): Bucket {
    const now = this.now()
    let bucket = this.#buckets.get(key)
    if (bucket == null) {
      if (this.#buckets.size >= PRUNE_ABOVE) this.#prune(now)
      bucket = { tokens: this.rate.burst, at: now }
      this.#buckets.set(key, bucket)
    }
    const earned = ((now - bucket.at) / 1000) * this.rate.perSecond
    bucket.tokens = Math.min(this.rate.burst, bucket.tokens + earned)
    bucket.at = now
    return bucket
  }

  #prune(now: number): void {
    for (const [key, b] of this.#buckets) {
      const earned = ((now - b.at) / 1000) * this.rate.perSecond
      if (b.tokens + earned >= this.rate.burst) this.#buckets.delete(key)
    }
  }
}
