import { EventEmitter } from 'node:events'
import { io } from 'socket.io-client'
import { NAMESPACES, type Product } from '../../shared/protocol/index.js'
import type {
  BuyerShopClientEvents,
  ClientProblem,
  ClientStatus,
} from './client-events.js'
import type { Applied } from './feed-apply.js'
import { FeedFollower, type PushType } from './feed-follower.js'
import type { OrderInput } from './order-book.js'
import { OrderSender } from './order-sender.js'
import { SerialQueue } from './serial-queue.js'
import {
  CatalogReply,
  ShopRequestError,
  ask,
  type BuyerSocket,
} from './shop-requests.js'
import { TradingFile, normalizeServerUrl } from './trading-file.js'
import type {
  OrderRecord,
  TradeRecord,
  WarningRecord,
} from './trading-file-schema.js'

export interface BuyerShopClientOptions {
  url: string
  token: string
  buyerId: string
  // where the trading files are kept
  folder: string
  reconnectDelayMs?: number
  reconnectDelayMaxMs?: number
  // how long a request waits for the shop's answer
  ackTimeoutMs?: number
  syncPageSize?: number
}

interface Session {
  file: TradingFile
  socket: BuyerSocket
  sender: OrderSender
  feed: FeedFollower
}

// One buyer's session at one shop. Everything the shop pushes goes through
// one queue, in order, and into the trading file before it is announced.
export class BuyerShopClient extends EventEmitter<BuyerShopClientEvents> {
  readonly url: string
  #session: Session | null = null
  #queue = new SerialQueue()
  #pushes: Array<{ type: PushType; raw: unknown }> = []
  #status: ClientStatus = 'offline'
  #stopped = false

  constructor(private readonly options: BuyerShopClientOptions) {
    super()
    this.url = normalizeServerUrl(options.url)
  }

  get status(): ClientStatus {
    return this.#status
  }

  get lastSeq(): number {
    return this.#started().file.lastSeq
  }

  // The records are replaced, never changed in place, when a trade or an
  // order changes: a record once handed out stays as it was.
  trades(): Readonly<Record<string, TradeRecord>> {
    return this.#started().file.data.trades
  }

  orders(): readonly OrderRecord[] {
    return this.#started().file.data.orders
  }

  warnings(): readonly WarningRecord[] {
    return this.#started().file.data.warnings
  }

  // Opens the trading file (throwing CorruptFileError for a damaged one),
  // then connects; orders left pending by an earlier run go out on connect.
  async start(): Promise<void> {
    if (this.#session != null) throw new Error('[tradepost] already started')
    const { folder, buyerId } = this.options
    const file = await TradingFile.open({ folder, server: this.url, buyerId })
    if (this.#stopped) return file.close()
    this.#session = this.#newSession(file, this.#socket())
    this.#setStatus('connecting')
    this.#session.socket.connect()
  }

  // Closes the connection and resolves once pending writes are on disk.
  async stop(): Promise<void> {
    this.#stopped = true
    const session = this.#session
    session?.socket.close()
    await this.#queue.idle()
    await session?.sender.idle()
    await session?.file.close()
    this.#setStatus('offline')
  }

  // Writes the order as queued, then sends it if connected. Resolves with
  // the order as it stands: placed (its trade stored), refused, or still
  // queued or sent, in which case it goes out again on every connect.
  placeOrder(input: OrderInput): Promise<OrderRecord> {
    return this.#started().sender.place(input)
  }

  async catalog(): Promise<Product[]> {
    const reply = await ask(this.#started().socket, 'catalog:list', {},
      CatalogReply, this.#ackTimeout())
    if (!reply.ok) {
      const { code, message } = reply.error
      throw new ShopRequestError(code, `catalog:list: ${message}`)
    }
    return reply.products
  }

  #newSession(file: TradingFile, socket: BuyerSocket): Session {
    const hooks = {
      timeoutMs: this.#ackTimeout(),
      onApplied: (applied: Applied) => this.#announce(applied),
      onProblem: (problem: ClientProblem) => this.emit('problem', problem),
    }
    const sender = new OrderSender(file, socket, {
      ...hooks,
      onOrder: (order) => this.emit('order', order),
      onFeed: (events) => {
        for (const { type, raw } of events) this.#buffer(type, raw)
      },
    })
    const feed = new FeedFollower(file, socket, {
      ...hooks,
      pageSize: this.options.syncPageSize,
      onSynced: (lastSeq) => this.emit('synced', lastSeq),
    })
    return { file, socket, sender, feed }
  }

  // A connection of its own (forceNew): socket.io would otherwise share
  // one with any other socket to the same shop, under that one's options.
  #socket(): BuyerSocket {
    const socket: BuyerSocket = io(`${this.url}${NAMESPACES.buyer}`, {
      auth: { token: this.options.token },
      autoConnect: false,
      forceNew: true,
      reconnection: true,
      reconnectionDelay: this.options.reconnectDelayMs ?? 200,
      reconnectionDelayMax: this.options.reconnectDelayMaxMs ?? 2_000,
      transports: ['websocket'],
    })
    socket.on('connect', () => this.#onConnect())
    socket.on('disconnect', () => this.#setStatus('offline'))
    socket.on('connect_error', (err) => this.#onConnectError(err))
    socket.io.on('reconnect_attempt', () => this.#setStatus('connecting'))
    for (const type of ['trading:info', 'trading:processing'] as const) {
      socket.on(type, (push: unknown) =>
        this.#buffer(type, push))
    }
    return socket
  }

  // Pending orders go first, so the sync after them brings their trades.
  #onConnect(): void {
    this.#setStatus('online')
    this.#enqueue(async (s) => {
      await s.sender.resendPending()
      await s.feed.sync()
    })
  }

  // The shop refuses a bad token in its middleware, after which socket.io
  // does not retry: the buyer has to sign in again.
  #onConnectError(err: Error): void {
    const unauthorized = err.message === 'unauthorized'
    this.#setStatus(unauthorized ? 'unauthorized' : 'offline')
  }

  #announce(applied: Applied): void {
    for (const [id, trade] of applied.trades) this.emit('trade', id, trade)
    for (const warning of applied.warnings) this.emit('warning', warning)
  }

  // A failed task is reported, not dropped: a failed sync is retried on
  // the next gap in the pushes or the next connect.
  // Pushes wait in arrival order; one queued task takes all that are
  // waiting when it runs, so a burst goes to disk in one write.
  #buffer(type: PushType, raw: unknown): void {
    this.#pushes.push({ type, raw })
    if (this.#pushes.length > 1) return
    this.#enqueue((s) => s.feed.push(this.#pushes.splice(0)))
  }

  #enqueue(task: (session: Session) => Promise<void>): void {
    const session = this.#started()
    this.#queue.push(() => task(session)).catch((err: unknown) => {
      if (this.#stopped) return
      const message = err instanceof Error ? err.message : String(err)
      this.emit('problem', { kind: 'request_failed', message })
    })
  }

  #setStatus(status: ClientStatus): void {
    if (this.#stopped && status !== 'offline') return
    if (status === this.#status) return
    this.#status = status
    this.emit('status', status)
  }

  #ackTimeout(): number {
    return this.options.ackTimeoutMs ?? 5_000
  }

  #started(): Session {
    if (this.#session == null) throw new Error('[tradepost] not started')
    return this.#session
  }
}
