import type { Processing } from '../../shared/protocol/index.js'
import type { StoredFeedEvent } from './records.js'
import type { Undo } from './trade-record.js'

// What each feed event says, as a number: the trading information, a
// stray update (kept whole), a seq not filled yet, or the index of the
// processing information it reports.
const INFO = -1
const STRAY = -2
const HOLE = -3

// A buyer's feed in memory: for each seq, the trade it reports on and
// what of it. Two flat arrays instead of an object per event, which a
// shop of many trades would hold by the hundred thousand; the events are
// made when asked for. Only a drill's stray updates are kept whole.
export class FeedLog {
  #ids: string[] = []
  #what: number[] = []
  #strays = new Map<number, Processing>()

  // Throws for an event no log can hold.
  static check(ev: StoredFeedEvent): void {
    if (!Number.isInteger(ev.seq) || ev.seq < 1) {
      throw new Error(`[store] a feed event cannot have seq ${ev.seq}`)
    }
    if ('index' in ev && (!Number.isInteger(ev.index) || ev.index < 0)) {
      throw new Error(`[store] a feed event cannot report processing ${ev.index}`)
    }
  }

  static from(events: readonly StoredFeedEvent[]): FeedLog {
    const log = new FeedLog()
    for (const ev of events) log.set(ev)
    return log
  }

  get length(): number {
    return this.#ids.length
  }

  // The event with seq `i + 1`.
  at(i: number): StoredFeedEvent {
    const what = this.#what[i]
    const seq = i + 1
    if (what == null || what === HOLE) {
      throw new Error(`[store] the feed has no event ${seq}`)
    }
    if (what === INFO) {
      return { seq, type: 'trading:info', tradingId: this.#ids[i]! }
    }
    if (what === STRAY) {
      return { seq, type: 'trading:processing', stray: this.#strays.get(i)! }
    }
    return { seq, type: 'trading:processing', tradingId: this.#ids[i]!, index: what }
  }

  slice(start: number, end = this.length): StoredFeedEvent[] {
    const out: StoredFeedEvent[] = []
    for (let i = Math.max(0, start); i < Math.min(end, this.length); i++) {
      out.push(this.at(i))
    }
    return out
  }

  // Sets the event at its seq (`tradingId`, when given, is the trade's own
  // copy of its ID, so the log holds no second one). Returns how to put
  // back what was there.
  set(ev: StoredFeedEvent, tradingId?: string): Undo {
    FeedLog.check(ev)
    const i = ev.seq - 1
    const length = this.length
    const before = i < length
      ? { id: this.#ids[i]!, what: this.#what[i]!, stray: this.#strays.get(i) }
      : null
    for (let k = length; k < i; k++) this.#put(k, '', HOLE)
    if ('stray' in ev) {
      this.#put(i, '', STRAY)
      this.#strays.set(i, ev.stray)
    } else {
      const id = tradingId != null && tradingId === ev.tradingId ? tradingId : ev.tradingId
      this.#put(i, id, ev.type === 'trading:info' ? INFO : ev.index)
      this.#strays.delete(i)
    }
    return () => {
      if (before != null) {
        this.#put(i, before.id, before.what)
        if (before.stray != null) this.#strays.set(i, before.stray)
        else this.#strays.delete(i)
      }
      this.#ids.length = length
      this.#what.length = length
      for (const k of this.#strays.keys()) if (k >= length) this.#strays.delete(k)
    }
  }

  #put(i: number, id: string, what: number): void {
    this.#ids[i] = id
    this.#what[i] = what
  }

  toJSON(): StoredFeedEvent[] {
    return this.slice(0)
  }
}
