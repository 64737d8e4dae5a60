import { z } from 'zod'
import { LIMITS } from '../../shared/protocol/index.js'
import type { ClientProblem } from './client-events.js'
import { applyUpdates, readFeedPage, type Applied } from './feed-apply.js'
import {
  InfoPush,
  ProcessingPush,
  ShopRequestError,
  SyncReply,
  ask,
  type BuyerSocket,
} from './shop-requests.js'
import type { TradingFile } from './trading-file.js'

export interface FeedFollowerHooks {
  timeoutMs: number
  pageSize?: number
  onApplied: (applied: Applied) => void
  onProblem: (problem: ClientProblem) => void
  onSynced: (lastSeq: number) => void
}

export type PushType = 'trading:info' | 'trading:processing'

// Keeps the trading file level with the buyer's feed at the shop. Its
// methods are meant to run one at a time, in arrival order: the file's
// lastSeq is the cursor, and it moves in the same write as the data.
export class FeedFollower {
  constructor(
    private readonly file: TradingFile,
    private readonly socket: BuyerSocket,
    private readonly hooks: FeedFollowerHooks,
  ) {}

  // Applies pushes that are next in the feed, all of them in one durable
  // write (pushes that arrived while the last write was on disk wait here
  // together). One further ahead than the cursor means updates were
  // missed, and a sync fetches them along with these.
  async push(pushes: Array<{ type: PushType; raw: unknown }>): Promise<void> {
    const updates = []
    let next = this.file.lastSeq + 1
    for (const { type, raw } of pushes) {
      const update = this.#parse(type, raw)
      if (update == null || update.seq < next) continue
      if (update.seq > next) return this.sync()
      updates.push(update)
      next += 1
    }
    if (updates.length === 0) return
    this.hooks.onApplied(await applyUpdates(this.file, updates))
  }

  #parse(type: PushType, raw: unknown) {
    const parsed = type === 'trading:info'
      ? InfoPush.safeParse(raw)
      : ProcessingPush.safeParse(raw)
    if (!parsed.success) {
      const why = z.prettifyError(parsed.error)
      const message = `${type} push does not parse: ${why}`
      this.hooks.onProblem({ kind: 'invalid_payload', message, payload: raw })
      return null
    }
    return 'trading' in parsed.data
      ? { type: 'trading:info' as const, ...parsed.data }
      : { type: 'trading:processing' as const, ...parsed.data }
  }

  // Pages through the feed from the cursor, one durable write per page,
  // until the cursor reaches the newest seq the shop reported.
  async sync(): Promise<void> {
    const limit = this.hooks.pageSize ?? LIMITS.feedPageMax
    for (;;) {
      const after = this.file.lastSeq
      const shopSeq = await this.#syncPage(after, limit)
      const cursor = this.file.lastSeq
      if (cursor <= after || cursor >= shopSeq) break
    }
    this.hooks.onSynced(this.file.lastSeq)
  }

  // Fetches and applies one page; resolves with the shop's newest seq.
  async #syncPage(after: number, limit: number): Promise<number> {
    const reply = await ask(this.socket, 'feed:sync', { after, limit },
      SyncReply, this.hooks.timeoutMs)
    if (!reply.ok) {
      const { code, message } = reply.error
      throw new ShopRequestError(code, `feed:sync: ${message}`)
    }
    if (reply.lastSeq < after) this.#behind(reply.lastSeq)

    const page = readFeedPage(reply.events)
    for (const { raw, why } of page.invalid) {
      const message = `feed event does not parse: ${why}`
      this.hooks.onProblem({ kind: 'invalid_payload', message, payload: raw })
    }
    this.hooks.onApplied(
      await applyUpdates(this.file, page.updates, page.cursor))
    return reply.lastSeq
  }

  // The shop knows fewer events than this file has applied: its data was
  // lost or replaced. Its new events would be taken for replays, so this
  // is reported rather than silently followed.
  #behind(shopSeq: number): void {
    const message = `the shop's feed ends at ${shopSeq}, but this trading ` +
      `file has applied up to ${this.file.lastSeq}`
    this.hooks.onProblem({ kind: 'feed_behind', message })
  }
}
