import { EventEmitter } from 'node:events'
import type {
  ConsoleState,
  EventName,
  Events,
  Replies,
  RequestName,
  Requests,
} from '../../shared/contract/index.js'
import type { z } from 'zod'
import { createLogger, type Logger } from '../../server/logger.js'
import type { Shop } from '../../server/shop/shop.js'
import type { TradeRecord } from '../core/index.js'
import { BuyerSessions } from './buyer-sessions.js'
import { ConsoleFailure } from './console-error.js'
import { DemoShop } from './demo.js'
import { EmbeddedShop } from './embedded-shop.js'
import { Training } from './training.js'
import { describeChange, mismatchDialog, NoteBatcher } from './notices.js'
import type { ConsolePlatform } from './platform.js'
import { SettingsFile } from './settings.js'

export interface RequestContext {
  windowId: number | null
}

export type Handlers = {
  [N in RequestName]: (
    payload: z.output<(typeof Requests)[N]>,
    ctx: RequestContext,
  ) => Promise<Replies[N]> | Replies[N]
}

type Outgoing = [event: EventName, payload: unknown, windowId: number | null]

// The console's main-process core: the embedded shop, the buyer's saved
// shops and the answers to every request of the console contract. Plain
// Node: the Electron app and the browser host both run exactly this.
export class ConsoleCore {
  readonly events = new EventEmitter<{ out: Outgoing }>()
  readonly shop: EmbeddedShop
  readonly buyers: BuyerSessions
  readonly handlers: Handlers
  readonly demo: DemoShop
  readonly training: Training
  #notes: NoteBatcher
  #followed: Shop | null = null
  // Which side each window shows; a buyer's warning goes to a buyer window.
  readonly roles = new Map<number | null, 'welcome' | 'merchant' | 'buyer'>()

  private constructor(
    readonly settings: SettingsFile,
    readonly userData: string,
    private readonly platform: ConsolePlatform,
    readonly log: Logger,
  ) {
    this.shop = new EmbeddedShop(userData, settings, log, (status) => {
      this.#follow(this.shop.server?.shop ?? null)
      this.emit('shop:status', status)
    })
    this.buyers = new BuyerSessions(userData, settings, this.#buyerHooks())
    this.demo = new DemoShop(this.shop, (status) => this.emit('demo:status', status))
    this.training = new Training(
      () => this.demo.open(),
      () => this.#traineeBuyer(),
      (run) => this.emit('training:progress', run),
    )
    this.#notes = new NoteBatcher((note) => platform.notify(note))
    this.handlers = this.#handlers()
  }

  static async open(opts: {
    userData: string
    platform: ConsolePlatform
    logger?: Logger
  }): Promise<ConsoleCore> {
    const settings = await SettingsFile.open(opts.userData, opts.platform.secrets)
    const log = opts.logger ?? createLogger('info')
    for (const name of settings.unsealable) {
      log.warn({ shop: name }, 'the saved session could not be unsealed; sign in to this shop again')
      opts.platform.notify({
        title: `Sign in to ${name} again`,
        body: 'Its saved session could not be read back from the system keyring. Your trades with it are kept.',
      })
    }
    const core = new ConsoleCore(settings, opts.userData, opts.platform, log)
    if (settings.data.shop.autostart) await core.shop.start()
    await core.buyers.startAll()
    return core
  }

  emit<E extends EventName>(event: E, payload: Events[E], windowId: number | null = null): void {
    this.events.emit('out', event, payload, windowId)
  }

  state(): ConsoleState {
    return {
      shop: this.shop.status(),
      shops: this.buyers.shops(),
      activeShopId: this.buyers.activeShopId,
    }
  }

  async close(): Promise<void> {
    this.#notes.flush()
    this.training.stop()
    await this.buyers.close()
    await this.shop.close()
  }

  // Every change in the embedded shop reaches the merchant windows live.
  #follow(shop: Shop | null): void {
    if (shop === this.#followed) return
    this.#followed = shop
    shop?.events.on('changed', (change) => {
      if (this.#followed === shop) this.emit('merchant:changed', change)
    })
    shop?.events.on('product', (product) => {
      if (this.#followed === shop) this.emit('merchant:product', product)
    })
    // saved here or by a merchant console connected over the network
    shop?.events.on('settings', (settings) => {
      if (this.#followed === shop) this.emit('merchant:settings', settings)
    })
  }

  #running() {
    const server = this.shop.server
    if (server == null) {
      throw new ConsoleFailure('not_running', 'the shop is not running; start it first')
    }
    return server
  }

  #handlers(): Handlers {
    const shop = () => this.#running().shop
    return {
      'console:state': () => this.state(),
      'shop:start': () => this.shop.start(),
      'shop:stop': () => this.shop.stop(),
      'shop:configure': (req) => this.shop.configure(req.port),
      'merchant:trades': () => shop().trades(),
      'merchant:advance': (req) => shop().advance(req),
      'merchant:catalog': () => shop().products(),
      'merchant:upsert': (req) => shop().upsertProduct(req),
      'merchant:buyers': () => this.#running().connectedBuyers(),
      'merchant:drill': async (req) => ({
        tradingId: await shop().drillMismatch(req.buyerId),
      }),
      'buyer:connect': (req) => this.buyers.connect(req),
      'buyer:switch': (req) => this.buyers.switchTo(req.shopId),
      'buyer:signOut': async (req) => {
        await this.buyers.signOut(req.shopId)
        return this.state()
      },
      'buyer:state': () => this.buyers.state(),
      'buyer:catalog': () => this.buyers.catalog(),
      'buyer:placeOrder': (req) => this.buyers.placeOrder(req),
      'window:openBuyer': async () => ({
        opened: await this.platform.openBuyerWindow(),
      }),
      // Answered by the browser host's dialog sink before it gets here.
      'dialog:answer': () => ({ ok: true }),
      'window:hello': (req, ctx) => {
        this.roles.set(ctx.windowId, req.role)
        return { windowId: ctx.windowId }
      },
      'merchant:settings': () => shop().settings(),
      'merchant:saveSettings': (req) => shop().saveSettings(req),
      'merchant:dashboard': (req) => shop().dashboard(req.days ?? 30),
      'merchant:receipt': (req) => {
        if (!shop().store.state.trades.has(req.tradingId)) {
          throw new ConsoleFailure('not_found', `no trade ${req.tradingId}`)
        }
        return this.platform.printReceipt(req.tradingId)
      },
      'buyer:exportFile': () => this.buyers.exportFile(),
      'demo:status': () => this.demo.status(),
      'demo:start': (req) => this.demo.start(req.rate, req.seed),
      'demo:stop': () => {
        this.training.stop()
        return this.demo.stop()
      },
      'demo:reset': () => {
        this.training.stop()
        return this.demo.reset()
      },
      'training:list': () => this.training.list(),
      'training:start': (req) => this.training.start(req.scenarioId),
      'training:status': () => this.training.status(),
      'training:stop': () => {
        this.training.stop()
        return { ok: true as const }
      },
    }
  }

  #buyerHooks() {
    return {
      shopsChanged: (shops: ConsoleState['shops'], activeShopId: string | null) =>
        this.emit('buyer:shops', { shops, activeShopId }),
      trade: (shopId: string, trade: TradeRecord, before?: TradeRecord) => {
        this.emit('buyer:trade', { shopId, trade })
        const change = describeChange(before, trade)
        if (change != null) {
          this.#notes.add({ title: `Trade ${shortId(trade.trading.tradingId)}`, body: change })
        }
      },
      order: (shopId: string, order: Events['buyer:order']['order']) =>
        this.emit('buyer:order', { shopId, order }),
      warning: (shopId: string, warning: Events['buyer:warning']['warning']) => {
        this.emit('buyer:warning', { shopId, warning })
        void this.#warn(warning)
      },
      problem: (message: string) => {
        void this.platform.showDialog(null, {
          kind: 'warning',
          title: 'A trading file was damaged',
          message,
          detail: 'Your trades are being fetched again from the shop.',
          buttons: ['OK'],
        })
      },
    }
  }

  async #warn(warning: Events['buyer:warning']['warning']): Promise<void> {
    const target = this.#buyerWindow()
    const button = await this.platform.showDialog(target, mismatchDialog(warning))
    if (button === 0) {
      this.emit('ui:navigate', { view: 'buyer/warnings' }, target)
      this.training.warningOpened()
    }
  }

  // The buyer this console has signed in at its own (demo) shop.
  #traineeBuyer(): string | null {
    const url = this.shop.server?.url
    return this.buyers.shops().find((s) => s.url === url)?.buyerId ?? null
  }

  #buyerWindow(): number | null {
    let found: number | null = null
    for (const [id, role] of this.roles) if (role === 'buyer') found = id
    return found
  }

  forgetWindow(windowId: number): void {
    this.roles.delete(windowId)
  }
}

export function shortId(tradingId: string): string {
  return `${tradingId.slice(0, 6)}…${tradingId.slice(-4)}`
}
