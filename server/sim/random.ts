import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64'
import { uniformInt } from 'pure-rand/distribution/uniformInt'
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus'

// The simulators' one source of chance, seeded, so a demo or a training
// scenario plays out the same way every time it is given the same seed.
export class Random {
  readonly #rng

  constructor(readonly seed: number) {
    this.#rng = xoroshiro128plus(seed)
  }

  // A whole number from `from` to `to`, both included.
  int(from: number, to: number): number {
    return uniformInt(this.#rng, from, to)
  }

  // True with the given probability.
  chance(p: number): boolean {
    return uniformFloat64(this.#rng) < p
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(0, items.length - 1)]
    if (item === undefined) throw new Error('[sim] pick from an empty list')
    return item
  }

  // A delay around `meanMs`, spread ±50 %.
  delay(meanMs: number): number {
    return Math.round(meanMs * (0.5 + uniformFloat64(this.#rng)))
  }
}
