import { EventEmitter } from 'node:events'
import {
  tradeState,
  type AdvanceRequest,
  type CatalogUpsertRequest,
  type Credentials,
  type FeedEvent,
  type MerchantTrade,
  type PlaceOrderRequest,
  type Processing,
  type Product,
  type Trading,
  type TradeState,
} from '../../shared/protocol/index.js'
import type { Logger } from '../logger.js'
import type { ShopStore } from '../store/shop-store.js'
import { registerBuyer, signIn, authenticate } from './accounts.js'
import { advanceTrade, presentStatuses } from './advance.js'
import { listProducts, upsertProduct } from './catalog.js'
import { mismatchDrill, syncFeed } from './feed.js'
import { placeOrder } from './orders.js'

export interface ShopEvents {
  feed: [buyerId: string, event: FeedEvent]
  changed: [change: { trading: Trading; processing: Processing }]
  product: [product: Product]
}

// The shop's operations, each persisted before it returns, then announced
// on `events` (the sockets turn those into pushes). Nothing here knows
// about the network.
export class Shop {
  readonly events = new EventEmitter<ShopEvents>()

  constructor(
    readonly store: ShopStore,
    private readonly log: Logger,
  ) {}

  async register(creds: Credentials) {
    const session = await registerBuyer(this.store, creds)
    this.log.info({ buyerId: session.buyerId }, 'buyer registered')
    return session
  }

  async signIn(creds: Credentials) {
    const session = await signIn(this.store, creds)
    this.log.info({ buyerId: session.buyerId }, 'buyer signed in')
    return session
  }

  authenticate(token: unknown): string | null {
    return authenticate(this.store, token)
  }

  products(): Product[] {
    return listProducts(this.store)
  }

  async placeOrder(buyerId: string, req: PlaceOrderRequest) {
    const placed = await placeOrder(this.store, buyerId, req)
    const { trading, processing } = placed
    if (placed.replay) return trading
    this.log.info(
      { tradingId: trading.tradingId, buyerId, totalMinor: trading.totalMinor },
      'order accepted',
    )
    this.#announce(buyerId, {
      type: 'trading:info',
      seq: placed.feed.info,
      trading,
    })
    this.#announce(buyerId, {
      type: 'trading:processing',
      seq: placed.feed.processing,
      processing,
    })
    this.#changed(trading, processing)
    for (const item of trading.items) this.#productChanged(item.sku)
    return trading
  }

  async advance(req: AdvanceRequest): Promise<Processing> {
    const { entry, processing, seq } = await advanceTrade(this.store, req)
    const { tradingId, track, to } = req
    this.log.info({ tradingId, track, to }, 'status changed')
    this.#announce(entry.buyerId, { type: 'trading:processing', seq, processing })
    this.#changed(entry.trade.trading, processing)
    if (track === 'order' && to === 'cancelled') {
      for (const item of entry.trade.trading.items) this.#productChanged(item.sku)
    }
    return processing
  }

  async upsertProduct(req: CatalogUpsertRequest): Promise<Product> {
    const product = await upsertProduct(this.store, req)
    this.log.info({ sku: product.sku, stock: product.stock }, 'product saved')
    this.#later(() => this.events.emit('product', product))
    return product
  }

  syncFeed(buyerId: string, after: number, limit?: number) {
    return syncFeed(this.store, buyerId, after, limit)
  }

  async drillMismatch(buyerId: string): Promise<string> {
    const { event } = await mismatchDrill(this.store, buyerId)
    const tradingId = 'processing' in event ? event.processing.tradingId : ''
    this.log.info({ buyerId, tradingId }, 'mismatch drill sent')
    this.#announce(buyerId, event)
    return tradingId
  }

  async trades(state?: TradeState): Promise<MerchantTrade[]> {
    await this.store.settled()
    const out: MerchantTrade[] = []
    for (const { trade } of this.store.state.trades.values()) {
      const processing = trade.history.at(-1)!
      if (state != null && tradeState(presentStatuses(processing)) !== state) {
        continue
      }
      out.push({ trading: trade.trading, processing, history: trade.history })
    }
    // Trading IDs are ULIDs: newest first is descending ID order.
    return out.sort((a, b) => (a.trading.tradingId < b.trading.tradingId ? 1 : -1))
  }

  // Persisted, then acknowledged, then pushed: the caller's answer is
  // sent as soon as the operation's promise settles, and pushes follow in
  // a later turn of the event loop, so on one socket the answer always
  // comes first.
  #later(fn: () => void): void {
    setImmediate(fn)
  }

  #announce(buyerId: string, event: FeedEvent): void {
    this.#later(() => this.events.emit('feed', buyerId, event))
  }

  #changed(trading: Trading, processing: Processing): void {
    this.#later(() => this.events.emit('changed', { trading, processing }))
  }

  #productChanged(sku: string): void {
    const product = this.store.state.catalog.get(sku)
    if (product != null) this.#later(() => this.events.emit('product', product))
  }
}
