import type { Product } from '../../shared/protocol/index.js'
import { FeedLog } from './feed-log.js'
import type {
  BuyerFiles,
  BuyerState,
  ShopRecord,
  StockLevel,
  StoredFeedEvent,
} from './records.js'
import { TradeRecord, type Undo } from './trade-record.js'
import { TradeIndex } from './trade-index.js'

export type { Undo } from './trade-record.js'

// What a checkpoint must write for one buyer: always the buyer's main file,
// and the chunks (by number) of trades and feed events that changed.
export interface DirtyBuyer {
  tradeChunks: Set<number>
  feedChunks: Set<number>
}

// How many trades and feed events one chunk file holds.
export const TRADES_PER_CHUNK = 64
export const EVENTS_PER_CHUNK = 256

// A record that names a buyer the shop does not hold (set aside after
// damage, say); it changes nothing.
export class UnknownBuyerError extends Error {
  constructor(readonly buyerId: string) {
    super(`[store] unknown buyer ${buyerId}`)
    this.name = 'UnknownBuyerError'
  }
}

// The shop's whole state in memory, and the one function that changes it.
// Live changes and replay after a crash both go through apply(), so a
// restarted shop is the shop that acknowledged. apply() checks before it
// changes anything, so a record it refuses leaves no trace.
export class ShopState {
  readonly catalog = new Map<string, Product>()
  readonly buyers = new Map<string, BuyerState>()
  readonly buyerByName = new Map<string, string>()
  readonly tokens = new Map<string, { buyerId: string; expiresAt: string }>()
  readonly trades = new TradeIndex()
  readonly dirty = new Map<string, DirtyBuyer>()
  catalogDirty = false

  // `onDisk` says how many trades and feed events the buyer's files hold
  // in sealed chunks; any later chunk that is full is marked for writing.
  addBuyerDoc(
    files: BuyerFiles,
    onDisk: { trades: number; feed: number } = { trades: 0, feed: 0 },
  ): void {
    const id = files.account.buyerId
    const requestOf = new Map<string, string>()
    for (const [requestId, tradingId] of files.requests) requestOf.set(tradingId, requestId)
    const doc: BuyerState = {
      account: files.account,
      tokens: files.tokens,
      trades: [],
      requests: files.requests,
      feed: new FeedLog((trade) => doc.trades[trade]?.tradingId),
    }
    this.buyers.set(id, doc)
    this.buyerByName.set(nameKey(doc.account.name), id)
    for (const t of doc.tokens) {
      this.tokens.set(t.hash, { buyerId: id, expiresAt: t.expiresAt })
    }
    for (const [index, stored] of files.trades.entries()) {
      const record = TradeRecord.from(stored, index, requestOf.get(stored.trading.tradingId), id)
      doc.trades.push(record)
      this.trades.set(record.tradingId, record)
    }
    for (const ev of files.feed) this.#setFeedEvent(doc, ev)
    for (const [requestId, tradingId] of doc.requests) {
      const own = this.trades.get(tradingId)?.tradingId
      if (own != null) doc.requests.set(requestId, own)
    }
    const full = {
      trades: Math.floor(doc.trades.length / TRADES_PER_CHUNK) * TRADES_PER_CHUNK,
      feed: Math.floor(doc.feed.length / EVENTS_PER_CHUNK) * EVENTS_PER_CHUNK,
    }
    if (full.trades > onDisk.trades || full.feed > onDisk.feed) {
      const d = this.#touch(id)
      for (let i = onDisk.trades; i < full.trades; i += TRADES_PER_CHUNK) {
        d.tradeChunks.add(i / TRADES_PER_CHUNK)
      }
      for (let i = onDisk.feed; i < full.feed; i += EVENTS_PER_CHUNK) {
        d.feedChunks.add(i / EVENTS_PER_CHUNK)
      }
    }
  }

  apply(rec: ShopRecord): Undo {
    switch (rec.t) {
      case 'buyer':
        return this.#applyBuyer(rec)
      case 'token':
        return this.#applyToken(rec)
      case 'revoke':
        return this.#applyRevoke(rec)
      case 'product':
        return this.#setProducts([rec.product])
      case 'trade':
        return this.#applyTrade(rec)
      case 'move':
        return this.#applyMove(rec)
      case 'feed': {
        const doc = this.#buyer(rec.buyerId)
        checkFeed(rec.feed)
        return this.#setFeed(rec.buyerId, doc, rec.feed)
      }
    }
  }

  // The stock part of a trade or move alone, for a record whose buyer is
  // missing: the catalog stays as the shop knew it.
  applyStock(levels: StockLevel[]): Undo {
    return this.#setStock(levels)
  }

  #applyBuyer(rec: Extract<ShopRecord, { t: 'buyer' }>): Undo {
    const id = rec.account.buyerId
    const doc = this.buyers.get(id)
    this.#touch(id)
    if (doc != null) {
      const before = doc.account
      doc.account = rec.account
      return () => {
        doc.account = before
      }
    }
    this.addBuyerDoc({
      account: rec.account, tokens: [], trades: [], requests: new Map(), feed: [],
    })
    return () => this.#removeBuyer(id)
  }

  #applyToken(rec: Extract<ShopRecord, { t: 'token' }>): Undo {
    const doc = this.#buyer(rec.buyerId)
    const hash = rec.token.hash
    const before = this.tokens.get(hash)
    const added = !doc.tokens.some((t) => t.hash === hash)
    if (added) doc.tokens.push(rec.token)
    this.tokens.set(hash, { buyerId: rec.buyerId, expiresAt: rec.token.expiresAt })
    this.#touch(rec.buyerId)
    return () => {
      if (added) doc.tokens.splice(doc.tokens.lastIndexOf(rec.token), 1)
      if (before == null) this.tokens.delete(hash)
      else this.tokens.set(hash, before)
    }
  }

  #applyRevoke(rec: Extract<ShopRecord, { t: 'revoke' }>): Undo {
    const doc = this.#buyer(rec.buyerId)
    const tokens = doc.tokens
    const removed = new Map<string, { buyerId: string; expiresAt: string }>()
    for (const t of tokens) {
      const entry = this.tokens.get(t.hash)
      if (entry != null) removed.set(t.hash, entry)
      this.tokens.delete(t.hash)
    }
    doc.tokens = []
    this.#touch(rec.buyerId)
    return () => {
      doc.tokens = tokens
      for (const [hash, entry] of removed) this.tokens.set(hash, entry)
    }
  }

  // Changes in place (a copy per record would make an order cost as
  // much as the buyer's history); the undo puts back exactly what it saw.
  #applyTrade(rec: Extract<ShopRecord, { t: 'trade' }>): Undo {
    const id = rec.trade.trading.tradingId
    const buyerId = rec.trade.trading.buyerId
    const doc = this.#buyer(buyerId)
    checkFeed(rec.feed)
    const known = this.trades.get(id)
    let added: TradeRecord | null = null
    if (known == null) {
      added = TradeRecord.from(rec.trade, doc.trades.length, rec.requestId, doc.account.buyerId)
      doc.trades.push(added)
      this.trades.set(id, added)
      this.#touch(buyerId).tradeChunks.add(chunkOf(added.index, TRADES_PER_CHUNK))
    }
    const namedNow = known != null && known.requestId == null
    if (namedNow) known.requestId = rec.requestId
    const before = doc.requests.get(rec.requestId)
    doc.requests.set(rec.requestId, id)
    const undoStock = this.#setStock(rec.stock)
    const undoFeed = this.#setFeed(buyerId, doc, rec.feed)
    this.#touch(buyerId)
    return () => {
      undoFeed()
      undoStock()
      if (before == null) doc.requests.delete(rec.requestId)
      else doc.requests.set(rec.requestId, before)
      if (namedNow) known.requestId = undefined
      if (added != null) {
        doc.trades.splice(doc.trades.lastIndexOf(added), 1)
        this.trades.delete(id)
      }
    }
  }

  #applyMove(rec: Extract<ShopRecord, { t: 'move' }>): Undo {
    const record = this.trades.get(rec.tradingId)
    if (record == null) {
      throw new Error(`[store] move for unknown trade ${rec.tradingId}`)
    }
    const doc = this.#buyer(rec.buyerId)
    checkFeed(rec.feed)
    const undoHistory = record.set(rec.index, rec.processing)
    this.#touch(rec.buyerId).tradeChunks.add(chunkOf(record.index, TRADES_PER_CHUNK))
    const undoStock = this.#setStock(rec.stock)
    const undoFeed = this.#setFeed(rec.buyerId, doc, rec.feed)
    return () => {
      undoFeed()
      undoStock()
      undoHistory()
    }
  }

  #setStock(levels: StockLevel[]): Undo {
    const products: Product[] = []
    for (const { sku, stock } of levels) {
      const product = this.catalog.get(sku)
      if (product != null) products.push({ ...product, stock })
    }
    return this.#setProducts(products)
  }

  #setProducts(products: Product[]): Undo {
    const before = products.map((p) => [p.sku, this.catalog.get(p.sku)] as const)
    for (const p of products) this.catalog.set(p.sku, p)
    if (products.length > 0) this.catalogDirty = true
    return () => {
      for (const [sku, product] of before.toReversed()) {
        if (product == null) this.catalog.delete(sku)
        else this.catalog.set(sku, product)
      }
    }
  }

  // One feed event into the buyer's log, pointing at its trade's place in
  // the buyer's trades.
  #setFeedEvent(doc: BuyerState, ev: StoredFeedEvent): Undo {
    const trade = 'tradingId' in ev ? this.trades.get(ev.tradingId)?.index : undefined
    return doc.feed.set(ev, trade)
  }

  #setFeed(buyerId: string, doc: BuyerState, events: StoredFeedEvent[]): Undo {
    const chunks = this.#touch(buyerId).feedChunks
    for (const ev of events) chunks.add(chunkOf(ev.seq - 1, EVENTS_PER_CHUNK))
    const undos = events.map((ev) => this.#setFeedEvent(doc, ev))
    return () => {
      for (const undo of undos.toReversed()) undo()
    }
  }

  #removeBuyer(id: string): void {
    const doc = this.buyers.get(id)
    if (doc == null) return
    this.buyers.delete(id)
    const key = nameKey(doc.account.name)
    if (this.buyerByName.get(key) === id) this.buyerByName.delete(key)
    for (const t of doc.tokens) this.tokens.delete(t.hash)
    for (const t of doc.trades) this.trades.delete(t.tradingId)
  }

  #buyer(buyerId: string): BuyerState {
    const doc = this.buyers.get(buyerId)
    if (doc == null) throw new UnknownBuyerError(buyerId)
    return doc
  }

  #touch(buyerId: string): DirtyBuyer {
    let d = this.dirty.get(buyerId)
    if (d == null) {
      d = { tradeChunks: new Set(), feedChunks: new Set() }
      this.dirty.set(buyerId, d)
    }
    return d
  }
}

function chunkOf(index: number, size: number): number {
  return Math.floor(index / size)
}

export function nameKey(name: string): string {
  return name.trim().normalize('NFKC').toLowerCase()
}

// Feed events are checked before a record changes anything, so a record
// with a bad one leaves no trace.
function checkFeed(events: StoredFeedEvent[]): void {
  for (const ev of events) FeedLog.check(ev)
}
