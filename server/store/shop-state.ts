import type { Product } from '../../shared/protocol/index.js'
import type {
  BuyerDoc,
  ShopRecord,
  StockLevel,
  StoredFeedEvent,
  StoredTrade,
} from './records.js'

export interface TradeEntry {
  buyerId: string
  trade: StoredTrade
}

// The shop's whole state in memory, and the one function that changes it.
// Live changes and replay after a crash both go through apply(), so a
// restarted shop is the shop that acknowledged.
export class ShopState {
  readonly catalog = new Map<string, Product>()
  readonly buyers = new Map<string, BuyerDoc>()
  readonly buyerByName = new Map<string, string>()
  readonly tokens = new Map<string, { buyerId: string; expiresAt: string }>()
  readonly trades = new Map<string, TradeEntry>()
  readonly dirtyBuyers = new Set<string>()
  catalogDirty = false

  addBuyerDoc(doc: BuyerDoc): void {
    const id = doc.account.buyerId
    this.buyers.set(id, doc)
    this.buyerByName.set(nameKey(doc.account.name), id)
    for (const t of doc.tokens) {
      this.tokens.set(t.hash, { buyerId: id, expiresAt: t.expiresAt })
    }
    for (const trade of doc.trades) {
      this.trades.set(trade.trading.tradingId, { buyerId: id, trade })
    }
  }

  apply(rec: ShopRecord): void {
    switch (rec.t) {
      case 'buyer': {
        const doc = this.buyers.get(rec.account.buyerId)
        if (doc != null) doc.account = rec.account
        else this.addBuyerDoc(emptyBuyer(rec.account))
        this.#touch(rec.account.buyerId)
        return
      }
      case 'token': {
        const doc = this.#buyer(rec.buyerId)
        if (!doc.tokens.some((t) => t.hash === rec.token.hash)) {
          doc.tokens.push(rec.token)
        }
        this.tokens.set(rec.token.hash, {
          buyerId: rec.buyerId,
          expiresAt: rec.token.expiresAt,
        })
        this.#touch(rec.buyerId)
        return
      }
      case 'product':
        this.catalog.set(rec.product.sku, rec.product)
        this.catalogDirty = true
        return
      case 'trade':
        return this.#applyTrade(rec)
      case 'move':
        return this.#applyMove(rec)
      case 'feed':
        this.#setFeed(this.#buyer(rec.buyerId), rec.feed)
        this.#touch(rec.buyerId)
    }
  }

  #applyTrade(rec: Extract<ShopRecord, { t: 'trade' }>): void {
    const id = rec.trade.trading.tradingId
    const buyerId = rec.trade.trading.buyerId
    const doc = this.#buyer(buyerId)
    const known = this.trades.get(id)
    if (known == null) {
      doc.trades.push(rec.trade)
      this.trades.set(id, { buyerId, trade: rec.trade })
    }
    doc.requests[rec.requestId] = id
    this.#setStock(rec.stock)
    this.#setFeed(doc, rec.feed)
    this.#touch(buyerId)
  }

  #applyMove(rec: Extract<ShopRecord, { t: 'move' }>): void {
    const entry = this.trades.get(rec.tradingId)
    if (entry == null) {
      throw new Error(`[store] move for unknown trade ${rec.tradingId}`)
    }
    entry.trade.history[rec.index] = rec.processing
    this.#setStock(rec.stock)
    this.#setFeed(this.#buyer(rec.buyerId), rec.feed)
    this.#touch(rec.buyerId)
  }

  #setStock(levels: StockLevel[]): void {
    for (const { sku, stock } of levels) {
      const product = this.catalog.get(sku)
      if (product != null) this.catalog.set(sku, { ...product, stock })
    }
    if (levels.length > 0) this.catalogDirty = true
  }

  #setFeed(doc: BuyerDoc, events: StoredFeedEvent[]): void {
    for (const ev of events) doc.feed[ev.seq - 1] = ev
  }

  #buyer(buyerId: string): BuyerDoc {
    const doc = this.buyers.get(buyerId)
    if (doc == null) throw new Error(`[store] unknown buyer ${buyerId}`)
    return doc
  }

  #touch(buyerId: string): void {
    this.dirtyBuyers.add(buyerId)
  }
}

export function nameKey(name: string): string {
  return name.trim().normalize('NFKC').toLowerCase()
}

function emptyBuyer(account: BuyerDoc['account']): BuyerDoc {
  return { account, tokens: [], trades: [], requests: {}, feed: [] }
}
