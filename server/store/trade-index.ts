import type { TradeRecord } from './trade-record.js'

const SHARDS = 64 // a power of two

// Every trade of the shop by trading ID. One Map would do, but a Map
// doubles its table when it fills, copying every entry in one go: at
// 500,000 trades that is an 80 ms pause in the middle of taking an order,
// and every acknowledgement waiting behind it. Split over 64 maps (by the
// last character of the ID, the random end of a ULID), each copy is a
// 64th as long.
export class TradeIndex {
  readonly #shards: Map<string, TradeRecord>[] = Array.from({ length: SHARDS }, () => new Map())
  #size = 0

  #shard(tradingId: string): Map<string, TradeRecord> {
    // (an empty ID gives NaN, which & makes 0)
    return this.#shards[tradingId.charCodeAt(tradingId.length - 1) & (SHARDS - 1)]!
  }

  get size(): number {
    return this.#size
  }

  get(tradingId: string): TradeRecord | undefined {
    return this.#shard(tradingId).get(tradingId)
  }

  has(tradingId: string): boolean {
    return this.#shard(tradingId).has(tradingId)
  }

  set(tradingId: string, trade: TradeRecord): void {
    const shard = this.#shard(tradingId)
    const before = shard.size
    shard.set(tradingId, trade)
    this.#size += shard.size - before
  }

  delete(tradingId: string): boolean {
    const gone = this.#shard(tradingId).delete(tradingId)
    if (gone) this.#size -= 1
    return gone
  }

  // Every trade, in no particular order.
  *values(): IterableIterator<TradeRecord> {
    for (const shard of this.#shards) yield* shard.values()
  }
}
