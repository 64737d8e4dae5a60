import type { Processing, Trading } from '../../shared/protocol/index.js'
import {
  appendPast,
  packPast,
  pastLength,
  unpackPast,
  type PackedPast,
  type PastOwner,
} from './packed-past.js'
import type { PackedTrade, StoredTrade } from './records.js'

// Puts the state back as it was before one change. Undos run newest
// first, so each finds the state its change left.
export type Undo = () => void

// One trade as the shop holds it in memory. A shop holds every trade, so
// their shape decides its memory and the time the garbage collector takes
// to walk them: a trade is this object, its trading information (never
// changed once placed), its present processing information, and the
// earlier ones packed into one string (packed-past.ts) once there are
// any. On disk a trade is a PackedTrade, { trading, present, past }; in
// the journal and in files of earlier versions a StoredTrade,
// { trading, history }.
export class TradeRecord {
  #past: PackedPast | null
  // how many entries #past holds; -1 until asked (a trade loaded from
  // disk is not unpacked to count them)
  #pastLength: number

  private constructor(
    readonly trading: Trading,
    public present: Processing,
    past: PackedPast | null,
    pastCount: number,
    // its place in the buyer's trades
    public index: number,
    // the order request that placed it (kept in the file with the trade)
    public requestId: string | undefined,
  ) {
    this.#past = past
    this.#pastLength = pastCount
  }

  static from(stored: StoredTrade | PackedTrade, index: number, requestId?: string): TradeRecord {
    const { trading } = stored
    if ('present' in stored) {
      const past = stored.past ?? null
      return new TradeRecord(trading, stored.present, past, past == null ? 0 : -1, index, requestId)
    }
    const { history } = stored
    const present = history.at(-1)
    if (present == null) {
      throw new Error(`[store] trade ${trading.tradingId} has no processing information`)
    }
    const owner = { tradingId: trading.tradingId, contentsDigest: present.contentsDigest }
    const past = history.length > 1 ? packPast(history.slice(0, -1), owner) : null
    return new TradeRecord(trading, present, past, history.length - 1, index, requestId)
  }

  get tradingId(): string {
    return this.trading.tradingId
  }

  get buyerId(): string {
    return this.trading.buyerId
  }

  // How many processing informations the trade has had.
  get length(): number {
    return this.#pastCount() + 1
  }

  at(index: number): Processing | undefined {
    const count = this.#pastCount()
    if (index === count) return this.present
    if (index < 0 || index > count) return undefined
    return this.#unpacked()[index]
  }

  // Every processing information, oldest first (a new array).
  history(): Processing[] {
    return [...this.#unpacked(), this.present]
  }

  // Sets the index-th processing information: the next one (a move), or
  // one it already has (a record replayed). Returns how to put it back.
  set(index: number, processing: Processing): Undo {
    const length = this.length
    if (index > length || index < 0) {
      throw new Error(`[store] trade ${this.tradingId} has no processing ` +
        `information ${index - 1} to follow`)
    }
    const present = this.present
    const past = this.#past
    const pastCount = this.#pastCount()
    if (index === length - 1) {
      this.#replacePresent(processing)
    } else if (index === length) {
      this.#past = processing.contentsDigest === present.contentsDigest
        ? appendPast(past, present, this.#last(), this.#owner())
        : packPast([...this.#unpacked(), present], this.#ownerOf(processing))
      this.#pastLength = pastCount + 1
      this.present = processing
    } else {
      const entries = this.#unpacked().with(index, processing)
      this.#past = packPast(entries, this.#owner())
    }
    return () => {
      this.present = present
      this.#past = past
      this.#pastLength = pastCount
    }
  }

  // As the trade is written in the shop's files.
  toJSON(): PackedTrade {
    return this.#past == null
      ? { trading: this.trading, present: this.present }
      : { trading: this.trading, present: this.present, past: this.#past }
  }

  // The present replaced by another at the same place (a record replayed):
  // the past is packed against the present's digest, so it is packed
  // again if that changes.
  #replacePresent(processing: Processing): void {
    if (this.#past != null && processing.contentsDigest !== this.present.contentsDigest) {
      this.#past = packPast(this.#unpacked(), this.#ownerOf(processing))
    }
    this.present = processing
  }

  #pastCount(): number {
    if (this.#pastLength < 0) this.#pastLength = pastLength(this.#past)
    return this.#pastLength
  }

  #unpacked(): Processing[] {
    return this.#past == null ? [] : unpackPast(this.#past, this.#owner())
  }

  #last(): Processing | undefined {
    return this.#past == null ? undefined : this.#unpacked().at(-1)
  }

  #owner(): PastOwner {
    return this.#ownerOf(this.present)
  }

  #ownerOf(p: Processing): PastOwner {
    return { tradingId: this.trading.tradingId, contentsDigest: p.contentsDigest }
  }
}
