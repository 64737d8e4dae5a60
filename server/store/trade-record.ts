import type { Processing, Trading, TrackStatus } from '../../shared/protocol/index.js'
import {
  appendPast,
  firstStatuses,
  packOne,
  packPast,
  pastLength,
  unpackPast,
  type PackedPast,
  type PastOwner,
} from './packed-past.js'
import { packTrading, unpackTrading, type PackedTrading } from './packed-trading.js'
import type { PackedTrade, StoredTrade } from './records.js'

// Puts the state back as it was before one change. Undos run newest
// first, so each finds the state its change left.
export type Undo = () => void

// One trade as the shop holds it in memory. A shop holds every trade, so
// their shape decides its memory and the time the garbage collector takes
// to walk them: a trade is this object and a few strings, with no other
// object behind it. The trading information (never changed once placed)
// is packed into one string (packed-trading.ts), the present processing
// information into another and the earlier ones into a third
// (packed-past.ts, once there are any); each is unpacked when read. On
// disk a trade is a PackedTrade, { trading, present, past }; in the
// journal and in files of earlier versions a StoredTrade,
// { trading, history }.
export class TradeRecord {
  readonly tradingId: string
  readonly buyerId: string
  #trading: PackedTrading
  // the contents digest the present and past are packed against: the
  // present's own
  #digest: string
  // the present, packed as a past of one entry, or its JSON text ("{")
  // if it cannot be packed
  #present: string
  #past: PackedPast | null
  // how many entries #past holds; -1 until asked (a trade loaded from
  // disk is not unpacked to count them)
  #pastLength: number

  private constructor(
    trading: Trading,
    present: Processing,
    past: PackedPast | null,
    pastCount: number,
    // its place in the buyer's trades
    public index: number,
    // the order request that placed it (kept in the file with the trade)
    public requestId: string | undefined,
    buyerId: string,
  ) {
    this.tradingId = trading.tradingId
    this.buyerId = buyerId === trading.buyerId ? buyerId : trading.buyerId
    this.#trading = packTrading(trading)
    this.#digest = present.contentsDigest
    this.#present = this.#packPresent(present)
    this.#past = past
    this.#pastLength = pastCount
  }

  // `buyerId`, when given and equal to the trade's, is the copy of the ID
  // the trade keeps (the buyer's own), so that trades share one.
  static from(
    stored: StoredTrade | PackedTrade,
    index: number,
    requestId?: string,
    buyerId = stored.trading.buyerId,
  ): TradeRecord {
    const { trading } = stored
    if ('present' in stored) {
      const past = stored.past ?? null
      return new TradeRecord(trading, stored.present, past, past == null ? 0 : -1,
        index, requestId, buyerId)
    }
    const { history } = stored
    const present = history.at(-1)
    if (present == null) {
      throw new Error(`[store] trade ${trading.tradingId} has no processing information`)
    }
    const owner = { tradingId: trading.tradingId, contentsDigest: present.contentsDigest }
    const past = history.length > 1 ? packPast(history.slice(0, -1), owner) : null
    return new TradeRecord(trading, present, past, history.length - 1, index, requestId, buyerId)
  }

  // The trading information (a new object each time).
  get trading(): Trading {
    return unpackTrading(this.#trading, this.tradingId, this.buyerId)
  }

  // The present processing information (a new object each time).
  get present(): Processing {
    const text = this.#present
    if (text.charCodeAt(0) === 123 /* { */) return JSON.parse(text) as Processing
    return unpackPast(text, this.#owner())[0]!
  }

  // The present's three statuses, read without unpacking it (a scan of
  // every trade, such as the dashboard's, asks for little else).
  statuses(): TrackStatus {
    const text = this.#present
    if (text.charCodeAt(0) === 123 /* { */) {
      const { order, delivery, payment } = JSON.parse(text) as Processing
      return { order: order.status, delivery: delivery.status, payment: payment.status }
    }
    return firstStatuses(text)
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
    const saved = { digest: this.#digest, present: this.#present, past: this.#past }
    const pastCount = this.#pastCount()
    if (index === length - 1) {
      this.#replacePresent(processing)
    } else if (index === length) {
      this.#past = processing.contentsDigest === present.contentsDigest
        ? appendPast(this.#past, present, this.#last(), this.#owner())
        : packPast([...this.#unpacked(), present], this.#ownerOf(processing))
      this.#pastLength = pastCount + 1
      this.#setPresent(processing)
    } else {
      const entries = this.#unpacked().with(index, processing)
      this.#past = packPast(entries, this.#owner())
    }
    return () => {
      this.#digest = saved.digest
      this.#present = saved.present
      this.#past = saved.past
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
    if (this.#past != null && processing.contentsDigest !== this.#digest) {
      this.#past = packPast(this.#unpacked(), this.#ownerOf(processing))
    }
    this.#setPresent(processing)
  }

  #setPresent(processing: Processing): void {
    this.#digest = processing.contentsDigest
    this.#present = this.#packPresent(processing)
  }

  // Packed against the trade (#digest is the processing's own digest);
  // a processing information packed-past.ts has no code for is kept as
  // its JSON text.
  #packPresent(processing: Processing): string {
    try {
      return packOne(processing, this.#owner())
    } catch {
      return JSON.stringify(processing)
    }
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
    return { tradingId: this.tradingId, contentsDigest: this.#digest }
  }

  #ownerOf(p: Processing): PastOwner {
    return { tradingId: this.tradingId, contentsDigest: p.contentsDigest }
  }
}
