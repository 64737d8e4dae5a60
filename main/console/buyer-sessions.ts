import { join } from 'node:path'
import type {
  BuyerConnect,
  BuyerState,
  SavedShop,
} from '../../shared/contract/index.js'
import type { z } from 'zod'
import type { Product } from '../../shared/protocol/schemas.js'
import {
  BuyerShopClient,
  CorruptFileError,
  normalizeServerUrl,
  registerBuyer,
  signIn,
  type OrderInput,
  type OrderRecord,
  type TradeRecord,
  type WarningRecord,
} from '../core/index.js'
import { ConsoleFailure } from './console-error.js'
import type { SavedSession, SettingsFile } from './settings.js'

export interface BuyerSessionHooks {
  shopsChanged(shops: SavedShop[], activeShopId: string | null): void
  trade(shopId: string, trade: TradeRecord, before?: TradeRecord): void
  order(shopId: string, order: OrderRecord): void
  warning(shopId: string, warning: WarningRecord): void
  // Trouble the buyer should hear about, such as a damaged trading file.
  problem(message: string): void
}

// The buyer's saved shops, each with a live client (so trades at every
// shop stay current, not only at the one on screen), and which is active.
export class BuyerSessions {
  #clients = new Map<string, BuyerShopClient>()

  constructor(
    private readonly folder: string,
    private readonly settings: SettingsFile,
    private readonly hooks: BuyerSessionHooks,
  ) {}

  async startAll(): Promise<void> {
    for (const saved of this.settings.data.shops) await this.#start(saved)
  }

  shops(): SavedShop[] {
    return this.settings.data.shops.map((s) => ({
      shopId: s.shopId,
      url: s.url,
      name: s.name,
      buyerId: s.buyerId,
      status: this.#clients.get(s.shopId)?.status ?? 'offline',
    }))
  }

  get activeShopId(): string | null {
    return this.settings.data.activeShopId
  }

  async connect(req: z.output<typeof BuyerConnect>): Promise<BuyerState> {
    const url = normalizeServerUrl(
      req.url.includes('://') ? req.url : `http://${req.url}`,
    )
    const creds = { name: req.name, password: req.password }
    const session =
      req.mode === 'register'
        ? await registerBuyer(url, creds)
        : await signIn(url, creds)
    const saved = { shopId: `${url}|${session.buyerId}`, url, name: req.name, ...session }
    await this.#stopClient(saved.shopId)
    await this.settings.update((s) => {
      s.shops = [...s.shops.filter((x) => x.shopId !== saved.shopId), saved]
      s.activeShopId = saved.shopId
    })
    await this.#start(saved)
    this.#announceShops()
    return this.state()!
  }

  async switchTo(shopId: string): Promise<BuyerState> {
    this.#saved(shopId)
    await this.settings.update((s) => {
      s.activeShopId = shopId
    })
    this.#announceShops()
    return this.state()!
  }

  // Forgets the session; the trading file stays on disk, so signing in
  // again brings every trade back.
  async signOut(shopId: string): Promise<void> {
    this.#saved(shopId)
    await this.#stopClient(shopId)
    await this.settings.update((s) => {
      s.shops = s.shops.filter((x) => x.shopId !== shopId)
      if (s.activeShopId === shopId) s.activeShopId = s.shops[0]?.shopId ?? null
    })
    this.#announceShops()
  }

  state(): BuyerState | null {
    const id = this.activeShopId
    const client = id == null ? null : this.#clients.get(id)
    const shop = this.shops().find((s) => s.shopId === id)
    if (client == null || shop == null) return null
    const trades = Object.values(client.trades()).sort((a, b) =>
      a.trading.placedAt < b.trading.placedAt ? 1 : -1,
    )
    return {
      shop,
      trades,
      orders: [...client.orders()],
      warnings: [...client.warnings()],
    }
  }

  catalog(): Promise<Product[]> {
    return this.#active().catalog()
  }

  placeOrder(input: OrderInput): Promise<OrderRecord> {
    return this.#active().placeOrder(input)
  }

  // The active shop's whole trading file, as JSON, for the buyer to keep.
  exportFile(): { fileName: string; json: string } {
    const client = this.#active()
    const data = {
      server: client.url,
      buyerId: this.settings.data.shops.find((s) => s.shopId === this.activeShopId)?.buyerId,
      exportedAt: new Date().toISOString(),
      lastSeq: client.lastSeq,
      trades: client.trades(),
      orders: client.orders(),
      warnings: client.warnings(),
    }
    const day = data.exportedAt.slice(0, 10)
    return { fileName: `tradepost-trading-file-${day}.json`, json: JSON.stringify(data, null, 2) }
  }

  async close(): Promise<void> {
    for (const id of [...this.#clients.keys()]) await this.#stopClient(id)
  }

  async #start(saved: SavedSession): Promise<void> {
    const client = new BuyerShopClient({
      url: saved.url,
      token: saved.token,
      buyerId: saved.buyerId,
      folder: join(this.folder, 'trading'),
    })
    const id = saved.shopId
    // Records are replaced, never changed in place, so the map keeps each
    // trade as it was before its latest change.
    const seen = new Map<string, TradeRecord>()
    client.on('trade', (tradingId, trade) => {
      this.hooks.trade(id, trade, seen.get(tradingId))
      seen.set(tradingId, trade)
    })
    client.on('order', (order) => this.hooks.order(id, order))
    client.on('warning', (warning) => this.hooks.warning(id, warning))
    client.on('status', () => this.#announceShops())
    this.#clients.set(id, client)
    try {
      await client.start()
    } catch (err) {
      if (!(err instanceof CorruptFileError)) throw err
      // The damaged file was moved aside; a new one fills from the feed.
      this.hooks.problem(err.message.replace(/^\[tradepost\] /, ''))
      await client.start()
    }
    for (const [tradingId, trade] of Object.entries(client.trades())) {
      seen.set(tradingId, trade)
    }
  }

  async #stopClient(shopId: string): Promise<void> {
    const client = this.#clients.get(shopId)
    this.#clients.delete(shopId)
    await client?.stop()
  }

  #active(): BuyerShopClient {
    const id = this.activeShopId
    const client = id == null ? null : this.#clients.get(id)
    if (client == null) {
      throw new ConsoleFailure('no_session', 'sign in to a shop first')
    }
    return client
  }

  #saved(shopId: string): SavedSession {
    const saved = this.settings.data.shops.find((s) => s.shopId === shopId)
    if (saved == null) {
      throw new ConsoleFailure('not_found', 'that shop is not saved here')
    }
    return saved
  }

  #announceShops(): void {
    this.hooks.shopsChanged(this.shops(), this.activeShopId)
  }
}
