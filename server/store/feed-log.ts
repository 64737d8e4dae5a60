import type { Processing } from '../../shared/protocol/index.js'
import type { StoredFeedEvent } from './records.js'
import type { Undo } from './trade-record.js'

// What each feed event says, as a number: the trading information, a
// stray update (kept whole), a seq not filled yet, or the index of the
// processing information it reports.
const INFO = -1
const STRAY = -2
const HOLE = -3
// an event whose trade is not one of the buyer's (kept by its ID)
const ELSEWHERE = -1

// A buyer's feed in memory: for each seq, which of the buyer's trades it
// reports on (its place in the buyer's trades) and what of it, in two
// typed arrays. A shop holds every buyer's feed, several events for each
// trade; as numbers outside the JavaScript heap they cost 8 bytes an event
// and nothing at all to the garbage collector, which as arrays of values
// it visited on every full collection. Events are made when asked for.
// Only a drill's stray updates are kept whole.
export class FeedLog {
  #trades = new Int32Array(16)
  #what = new Int32Array(16)
  #length = 0
  #elsewhere = new Map<number, string>()
  #strays = new Map<number, Processing>()

  // `idOf` names the buyer's trade at a place in their trades.
  constructor(private readonly idOf: (trade: number) => string | undefined) {}

  // A log of these events, for the buyer whose trades are `trades`.
  static from(
    events: readonly StoredFeedEvent[],
    trades: readonly { tradingId: string }[],
  ): FeedLog {
    const place = new Map(trades.map((t, i) => [t.tradingId, i]))
    const log = new FeedLog((i) => trades[i]?.tradingId)
    for (const ev of events) log.set(ev, 'tradingId' in ev ? place.get(ev.tradingId) : undefined)
    return log
  }

  // Throws for an event no log can hold.
  static check(ev: StoredFeedEvent): void {
    if (!Number.isInteger(ev.seq) || ev.seq < 1) {
      throw new Error(`[store] a feed event cannot have seq ${ev.seq}`)
    }
    if ('index' in ev && (!Number.isInteger(ev.index) || ev.index < 0)) {
      throw new Error(`[store] a feed event cannot report processing ${ev.index}`)
    }
  }

  get length(): number {
    return this.#length
  }

  // The event with seq `i + 1`.
  at(i: number): StoredFeedEvent {
    const seq = i + 1
    const what = i >= 0 && i < this.#length ? this.#what[i]! : HOLE
    if (what === HOLE) throw new Error(`[store] the feed has no event ${seq}`)
    if (what === STRAY) {
      return { seq, type: 'trading:processing', stray: this.#strays.get(i)! }
    }
    const tradingId = this.#tradingId(i)
    if (what === INFO) return { seq, type: 'trading:info', tradingId }
    return { seq, type: 'trading:processing', tradingId, index: what }
  }

  slice(start: number, end = this.length): StoredFeedEvent[] {
    const out: StoredFeedEvent[] = []
    for (let i = Math.max(0, start); i < Math.min(end, this.length); i++) {
      out.push(this.at(i))
    }
    return out
  }

  // Sets the event at its seq; `trade`, when given, is the place of the
  // event's trade in the buyer's trades. Returns how to put back what was
  // there.
  set(ev: StoredFeedEvent, trade?: number): Undo {
    FeedLog.check(ev)
    const i = ev.seq - 1
    const length = this.#length
    const before = i < length
      ? {
          trade: this.#trades[i]!,
          what: this.#what[i]!,
          elsewhere: this.#elsewhere.get(i),
          stray: this.#strays.get(i),
        }
      : null
    this.#grow(i + 1)
    for (let k = length; k < i; k++) this.#put(k, ELSEWHERE, HOLE)
    this.#elsewhere.delete(i)
    this.#strays.delete(i)
    if ('stray' in ev) {
      this.#put(i, ELSEWHERE, STRAY)
      this.#strays.set(i, ev.stray)
    } else {
      const what = ev.type === 'trading:info' ? INFO : ev.index
      if (trade != null && trade >= 0 && this.idOf(trade) === ev.tradingId) {
        this.#put(i, trade, what)
      } else {
        this.#put(i, ELSEWHERE, what)
        this.#elsewhere.set(i, ev.tradingId)
      }
    }
    if (i >= length) this.#length = i + 1
    return () => {
      this.#elsewhere.delete(i)
      this.#strays.delete(i)
      if (before != null) {
        this.#put(i, before.trade, before.what)
        if (before.elsewhere != null) this.#elsewhere.set(i, before.elsewhere)
        if (before.stray != null) this.#strays.set(i, before.stray)
      }
      this.#length = length
      for (const k of this.#elsewhere.keys()) if (k >= length) this.#elsewhere.delete(k)
      for (const k of this.#strays.keys()) if (k >= length) this.#strays.delete(k)
    }
  }

  toJSON(): StoredFeedEvent[] {
    return this.slice(0)
  }

  #tradingId(i: number): string {
    const trade = this.#trades[i]!
    const id = trade === ELSEWHERE ? this.#elsewhere.get(i) : this.idOf(trade)
    if (id == null) throw new Error(`[store] feed event ${i + 1} names no trade`)
    return id
  }

  #put(i: number, trade: number, what: number): void {
    this.#trades[i] = trade
    this.#what[i] = what
  }

  // Room for `n` events, doubling.
  #grow(n: number): void {
    if (n <= this.#what.length) return
    let size = this.#what.length
    while (size < n) size *= 2
    const trades = new Int32Array(size)
    trades.set(this.#trades.subarray(0, this.#length))
    const what = new Int32Array(size)
    what.set(this.#what.subarray(0, this.#length))
    this.#trades = trades
    this.#what = what
  }
}
