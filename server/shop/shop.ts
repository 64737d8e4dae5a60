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
import type { MerchantKeys } from '../merchant-key.js'
import type { ShopStore } from '../store/shop-store.js'
import {
  DEFAULT_SESSIONS,
  authenticate,
  registerBuyer,
  revokeSessions,
  signIn,
  tokenOwner,
  type Authenticated,
  type SessionPolicy,
} from './accounts.js'
import { ShopError } from './errors.js'
import { advanceTrade, presentStatuses } from './advance.js'
import { dashboard } from './dashboard.js'
import { nextRuleMove } from './rules.js'
import type { SettingsStore } from './settings-file.js'
import {
  DEFAULT_SHOP_SETTINGS,
  type ShopSettings,
} from '../../shared/protocol/settings.js'
import { listProducts, upsertProduct } from './catalog.js'
import { mismatchDrill, syncFeed } from './feed.js'
import { placeOrder } from './orders.js'

export interface PlaceOrderAnswer {
  trading: Trading
  // with feedInAnswer: the seqs of the order's two feed events, and the
  // processing information of the second
  feed?: { info: number; processing: number }
  processing?: Processing
}

export interface ShopEvents {
  // `except`: a socket that had the event in its answer
  feed: [buyerId: string, event: FeedEvent, except?: string]
  changed: [change: { trading: Trading; processing: Processing }]
  product: [product: Product]
  // every token of this buyer was revoked
  revoked: [buyerId: string]
  // the merchant key changed; sockets that came in with the old one go
  keyRotated: []
  settings: [settings: ShopSettings]
}

// The shop's operations, each persisted before it returns, then announced
// on `events` (the sockets turn those into pushes). Nothing here knows
// about the network.
export class Shop {
  readonly events = new EventEmitter<ShopEvents>()

  #settings: SettingsStore | null = null
  // announcements waiting for the next turn (see #later)
  #pending: Array<() => void> = []

  constructor(
    readonly store: ShopStore,
    private readonly log: Logger,
    readonly keys: MerchantKeys,
    private readonly sessions: SessionPolicy = DEFAULT_SESSIONS,
  ) {}

  async register(creds: Credentials) {
    const session = await registerBuyer(this.store, creds, this.sessions)
    this.log.info({ buyerId: session.buyerId }, 'buyer registered')
    return session
  }

  async signIn(creds: Credentials) {
    const session = await signIn(this.store, creds, this.sessions)
    this.log.info({ buyerId: session.buyerId }, 'buyer signed in')
    return session
  }

  authenticate(token: unknown): Authenticated | null {
    return authenticate(this.store, token, this.sessions)
  }

  // Whether a token seen earlier (by its hash) still works.
  tokenOwner(hash: string): string | null {
    return tokenOwner(this.store, hash, this.sessions)
  }

  // Signs the token's buyer out everywhere: every token stops working and
  // the buyer's open sockets are closed once the answer is out.
  async signOutEverywhere(token: unknown): Promise<void> {
    const who = this.authenticate(token)
    if (who == null) throw new ShopError('unauthorized', 'sign in first')
    await revokeSessions(this.store, who.buyerId, this.sessions)
    this.log.info({ buyerId: who.buyerId }, 'buyer signed out everywhere')
    this.#later(() => this.events.emit('revoked', who.buyerId))
  }

  // A new merchant key; merchant sockets are closed once the answer is
  // out, and must come back with the new key.
  async rotateMerchantKey(): Promise<string> {
    const key = await this.keys.rotate()
    this.log.info('merchant key rotated')
    this.#later(() => this.events.emit('keyRotated'))
    return key
  }

  products(): Product[] {
    return listProducts(this.store)
  }

  async placeOrder(buyerId: string, req: PlaceOrderRequest): Promise<Trading> {
    return (await this.answerOrder(buyerId, req)).trading
  }

  // The answer to order:place. `origin` is the socket that asked: with
  // feedInAnswer, the order's two feed events go in its answer and are
  // pushed to the buyer's other sockets only. A replayed request answers
  // without them (they were pushed the first time; a sync brings them).
  async answerOrder(buyerId: string, req: PlaceOrderRequest, origin?: string): Promise<PlaceOrderAnswer> {
    const placed = await placeOrder(this.store, buyerId, req)
    const { trading, processing } = placed
    if (placed.replay) return { trading }
    this.log.info(
      { tradingId: trading.tradingId, buyerId, totalMinor: trading.totalMinor },
      'order accepted',
    )
    const except = req.feedInAnswer === true ? origin : undefined
    this.#announce(buyerId, {
      type: 'trading:info',
      seq: placed.feed.info,
      trading,
    }, except)
    this.#announce(buyerId, {
      type: 'trading:processing',
      seq: placed.feed.processing,
      processing,
    }, except)
    this.#changed(trading, processing)
    for (const item of trading.items) this.#productChanged(item.sku)
    return req.feedInAnswer === true
      ? { trading, feed: placed.feed, processing }
      : { trading }
  }

  // A move, then whatever the merchant's rules make of it: each rule's
  // effect is an ordinary status change of its own, named as its cause.
  async advance(req: AdvanceRequest, cause?: string): Promise<Processing> {
    const processing = await this.#move(req, cause)
    for (let guard = 0; guard < 8; guard++) {
      const present = this.store.state.trades.get(req.tradingId)?.present
      if (present == null) break
      const rule = nextRuleMove(presentStatuses(present), this.settings())
      if (rule == null) break
      const { track, to } = rule
      await this.#move({ tradingId: req.tradingId, track, to } as AdvanceRequest, `rule:${rule.rule}`)
    }
    return processing
  }

  async #move(req: AdvanceRequest, cause?: string): Promise<Processing> {
    const { entry, processing, seq } = await advanceTrade(this.store, req, cause)
    const { tradingId, track, to } = req
    this.log.info({ tradingId, track, to, cause }, 'status changed')
    this.#announce(entry.buyerId, { type: 'trading:processing', seq, processing })
    this.#changed(entry.trading, processing)
    if (track === 'order' && to === 'cancelled') {
      for (const item of entry.trading.items) this.#productChanged(item.sku)
    }
    return processing
  }

  settings(): ShopSettings {
    return this.#settings?.current ?? DEFAULT_SHOP_SETTINGS
  }

  async saveSettings(next: ShopSettings): Promise<ShopSettings> {
    if (this.#settings == null) throw new ShopError('unavailable', 'settings are not kept here')
    const saved = await this.#settings.save(next)
    this.log.info({ rules: next.rules }, 'settings saved')
    this.#later(() => this.events.emit('settings', saved))
    return saved
  }

  useSettings(store: SettingsStore): void {
    this.#settings = store
  }

  dashboard(days = 30) {
    return dashboard(this.store.state.trades.values(), this.store.state.catalog.values(), this.settings(), days)
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
    for (const trade of this.store.state.trades.values()) {
      if (state != null && tradeState(trade.statuses()) !== state) continue
      const history = trade.history()
      out.push({ trading: trade.trading, processing: history.at(-1)!, history })
    }
    // Trading IDs are ULIDs: newest first is descending ID order.
    return out.sort((a, b) => (a.trading.tradingId < b.trading.tradingId ? 1 : -1))
  }

  // Persisted, then acknowledged, then pushed: the caller's answer is
  // sent as soon as the operation's promise settles, and pushes follow in
  // a later turn of the event loop, so on one socket the answer always
  // comes first. Everything announced in one turn goes out together in
  // one later turn, in the order it was announced.
  #later(fn: () => void): void {
    this.#pending.push(fn)
    if (this.#pending.length === 1) setImmediate(this.#flush)
  }

  readonly #flush = (): void => {
    const due = this.#pending
    this.#pending = []
    for (let i = 0; i < due.length; i++) {
      try {
        due[i]!()
      } catch (err) {
        // The rest still go out, in a turn of their own, as they did when
        // each had its own immediate; the error goes on up.
        this.#pending = [...due.slice(i + 1), ...this.#pending]
        if (this.#pending.length > 0) setImmediate(this.#flush)
        throw err
      }
    }
  }

  // `except`: a socket not to push to (it has the event in its answer).
  #announce(buyerId: string, event: FeedEvent, except?: string): void {
    this.#later(() => this.events.emit('feed', buyerId, event, except))
  }

  #changed(trading: Trading, processing: Processing): void {
    this.#later(() => this.events.emit('changed', { trading, processing }))
  }

  #productChanged(sku: string): void {
    const product = this.store.state.catalog.get(sku)
    if (product != null) this.#later(() => this.events.emit('product', product))
  }
}
