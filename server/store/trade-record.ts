import type { Processing, Trading } from '../../shared/protocol/index.js'
import type { StoredTrade } from './records.js'

// Puts the state back as it was before one change. Undos run newest
// first, so each finds the state its change left.
export type Undo = () => void

// One trade as the shop holds it in memory. A shop holds every trade, so
// their shape decides its memory and the time the garbage collector takes
// to walk them: a trade is this object, its trading information (never
// changed once placed) and its present processing information; the
// earlier ones get an array of their own only once there are any. On disk
// and in the journal a trade is a StoredTrade, { trading, history }.
export class TradeRecord {
  #past: Processing[] | null

  private constructor(
    readonly trading: Trading,
    public present: Processing,
    past: Processing[] | null,
    // its place in the buyer's trades
    public index: number,
    // the order request that placed it (kept in the file with the trade)
    public requestId: string | undefined,
  ) {
    this.#past = past
  }

  static from(stored: StoredTrade, index: number, requestId?: string): TradeRecord {
    const { trading, history } = stored
    const present = history.at(-1)
    if (present == null) {
      throw new Error(`[store] trade ${trading.tradingId} has no processing information`)
    }
    const past = history.length > 1 ? history.slice(0, -1) : null
    return new TradeRecord(trading, present, past, index, requestId)
  }

  get tradingId(): string {
    return this.trading.tradingId
  }

  get buyerId(): string {
    return this.trading.buyerId
  }

  // How many processing informations the trade has had.
  get length(): number {
    return (this.#past?.length ?? 0) + 1
  }

  at(index: number): Processing | undefined {
    const past = this.#past?.length ?? 0
    if (index === past) return this.present
    return index >= 0 && index < past ? this.#past![index] : undefined
  }

  // Every processing information, oldest first (a new array).
  history(): Processing[] {
    return this.#past == null ? [this.present] : [...this.#past, this.present]
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
    if (index === length) {
      this.#past = past == null ? [present] : [...past, present]
      this.present = processing
    } else if (index === length - 1) {
      this.present = processing
    } else {
      this.#past = past!.with(index, processing)
    }
    return () => {
      this.present = present
      this.#past = past
    }
  }

  toStored(): StoredTrade {
    return { trading: this.trading, history: this.history() }
  }

  toJSON(): StoredTrade {
    return this.toStored()
  }
}
