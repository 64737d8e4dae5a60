import type { Trading } from '../../shared/protocol/index.js'
import {
  reconcileBatch,
  reconcileContext,
  type Applied,
} from './feed-apply.js'
import {
  changeOrder,
  createOrder,
  isPending,
  type OrderChange,
  type OrderInput,
} from './order-book.js'
import {
  PlaceReply,
  ShopRequestError,
  ask,
  type BuyerSocket,
} from './shop-requests.js'
import type { TradingFile } from './trading-file.js'
import type { OrderRecord, StoredError } from './trading-file-schema.js'
import type { ClientProblem } from './client-events.js'

// Refusals that say "not now" rather than "no".
const TRANSIENT = new Set(['unavailable', 'rate_limited', 'internal'])
const RETRY_MS = 2_000

export interface OrderSenderHooks {
  timeoutMs: number
  onOrder: (order: OrderRecord) => void
  onApplied: (applied: Applied) => void
  onProblem: (problem: ClientProblem) => void
  // the order's feed events, carried by the shop's answer instead of
  // pushed: they go the way pushes go
  onFeed: (events: FeedPush[]) => void
}

export interface FeedPush {
  type: 'trading:info' | 'trading:processing'
  raw: unknown
}

// Places the buyer's orders. Each order is on disk before it is sent, and
// is sent again with the same request ID until the shop answers, so it is
// placed exactly once however often the connection drops.
export class OrderSender {
  #sending = new Set<Promise<OrderRecord>>()

  constructor(
    private readonly file: TradingFile,
    private readonly socket: BuyerSocket,
    private readonly hooks: OrderSenderHooks,
  ) {}

  async place(input: OrderInput): Promise<OrderRecord> {
    const order = createOrder(input, new Date().toISOString())
    await this.file.update((data) => {
      data.orders.push(order)
    })
    this.hooks.onOrder(order)
    if (!this.socket.connected) return order
    return this.#track(this.#send(order))
  }

  // Sends every order still waiting for the shop's answer.
  async resendPending(): Promise<void> {
    const pending = this.file.data.orders.filter(isPending)
    await Promise.all(pending.map((o) => this.#track(this.#send(o))))
  }

  // Resolves once every send started so far has settled.
  async idle(): Promise<void> {
    await Promise.allSettled([...this.#sending])
  }

  async #send(order: OrderRecord): Promise<OrderRecord> {
    const current = this.#current(order.requestId)
    if (!isPending(current)) return current
    if (current.state === 'queued') {
      await this.#change(order.requestId, { state: 'sent' })
    }
    let reply
    try {
      reply = await ask(this.socket, 'order:place',
        { ...order.request, feedInAnswer: true }, PlaceReply, this.hooks.timeoutMs)
    } catch (err) {
      this.#reportInvalid(err)
      return this.#current(order.requestId)
    }
    if (!reply.ok && TRANSIENT.has(reply.error.code)) {
      return this.#retryLater(order)
    }
    if (!reply.ok) return this.#refused(order.requestId, reply.error)
    const { trading, feed, processing } = reply
    if (feed != null && processing != null) {
      this.hooks.onFeed([
        { type: 'trading:info', raw: { seq: feed.info, trading } },
        { type: 'trading:processing', raw: { seq: feed.processing, processing } },
      ])
    }
    return this.#placed(order.requestId, trading)
  }

  // The shop could not take the order just now (its disk, its rate limit):
  // the order stays pending and is sent again, with the same requestId.
  #retryLater(order: OrderRecord): OrderRecord {
    const timer = setTimeout(() => {
      if (this.socket.connected) void this.#track(this.#send(order))
    }, RETRY_MS)
    timer.unref()
    return this.#current(order.requestId)
  }

  // The trade and the order's new state go to disk in one write, so a
  // placed order always has its trade stored.
  async #placed(requestId: string, trading: Trading): Promise<OrderRecord> {
    const ctx = reconcileContext()
    const info = { type: 'trading:info' as const, seq: null, trading }
    const change = { state: 'placed' as const, tradingId: trading.tradingId }
    const done = await this.file.update((data) => ({
      applied: reconcileBatch(data, [info], 0, ctx),
      order: changeOrder(data, requestId, change, ctx.now),
    }))
    this.hooks.onApplied(done.applied)
    if (done.order != null) this.hooks.onOrder(done.order)
    return this.#current(requestId)
  }

  async #refused(requestId: string, error: StoredError): Promise<OrderRecord> {
    await this.#change(requestId, { state: 'refused', error })
    return this.#current(requestId)
  }

  async #change(requestId: string, change: OrderChange): Promise<void> {
    const now = new Date().toISOString()
    const changed = await this.file.update((data) =>
      changeOrder(data, requestId, change, now))
    if (changed != null) this.hooks.onOrder(changed)
  }

  // No answer leaves the order pending for the next connect; an answer
  // that does not parse is reported as well.
  #reportInvalid(err: unknown): void {
    if (!(err instanceof ShopRequestError)) throw err
    if (err.code !== 'invalid_reply') return
    const problem = { message: err.message, payload: err.payload }
    this.hooks.onProblem({ kind: 'invalid_payload', ...problem })
  }

  #current(requestId: string): OrderRecord {
    const order = this.file.data.orders.find((o) => o.requestId === requestId)
    if (order == null) throw new Error(`[tradepost] lost order ${requestId}`)
    return order
  }

  #track(send: Promise<OrderRecord>): Promise<OrderRecord> {
    this.#sending.add(send)
    const forget = () => this.#sending.delete(send)
    send.then(forget, forget)
    return send
  }
}
