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

  // Applies a push that is next in the feed; one further ahead means
  // updates were missed, and a sync fetches them along with this one.
  async push(type: PushType, raw: unknown): Promise<void> {
    const parsed = type === 'trading:info'
      ? InfoPush.safeParse(raw)
      : ProcessingPush.safeParse(raw)
    if (!parsed.success) {
      const why = z.prettifyError(parsed.error)
      const message = `${type} push does not parse: ${why}`
      this.hooks.onProblem({ kind: 'invalid_payload', message, payload: raw })
      return
    }
    const { seq } = parsed.data
    if (seq <= this.file.lastSeq) return
    if (seq > this.file.lastSeq + 1) return this.sync()
    const update = 'trading' in parsed.data
      ? { type: 'trading:info' as const, ...parsed.data }
      : { type: 'trading:processing' as const, ...parsed.data }
    this.hooks.onApplied(await applyUpdates(this.file, [update]))
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
