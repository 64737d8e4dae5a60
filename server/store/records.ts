import { z } from 'zod'
import {
  BuyerId,
  Processing,
  Product,
  Trading,
} from '../../shared/protocol/index.js'
import type { FeedLog } from './feed-log.js'
import { unpackPast } from './packed-past.js'
import type { TradeRecord } from './trade-record.js'

// What the shop stores, and the records that change it. Every record sets
// values (a product's stock, a trade, the n-th history entry, the feed
// event with seq n) rather than adding to them, so replaying a record that
// a snapshot already holds changes nothing.

export const Account = z.object({
  buyerId: BuyerId,
  name: z.string(),
  passwordHash: z.string(),
  createdAt: z.string(),
})

export const TokenRecord = z.object({
  hash: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
})

// A trade in the journal, and in the files of earlier versions.
export const StoredTrade = z.object({
  trading: Trading,
  history: z.array(Processing),
})

// A trade as the shop's files hold it: the present processing information
// and the earlier ones packed (packed-past.ts), each of which must be a
// processing information the protocol accepts.
export const PackedTrade = z.object({
  trading: Trading,
  present: Processing,
  past: z.string().optional(),
}).superRefine((t, ctx) => {
  if (t.past == null) return
  let entries: unknown[]
  try {
    entries = unpackPast(t.past, {
      tradingId: t.trading.tradingId,
      contentsDigest: t.present.contentsDigest,
    })
  } catch (err) {
    ctx.addIssue({ code: 'custom', path: ['past'], message: String((err as Error).message) })
    return
  }
  if (entries.length === 0 || !entries.every((e) => Processing.safeParse(e).success)) {
    ctx.addIssue({ code: 'custom', path: ['past'], message: 'not a list of processing informations' })
  }
})

// Either: files of every version load.
const FileTrade = z.union([PackedTrade, StoredTrade])

// Feed events point into the trade they report on; only a drill's stray
// update, which belongs to no trade, is kept whole.
export const StoredFeedEvent = z.union([
  z.object({
    seq: z.int(),
    type: z.literal('trading:info'),
    tradingId: z.string(),
  }),
  z.object({
    seq: z.int(),
    type: z.literal('trading:processing'),
    tradingId: z.string(),
    index: z.int(),
  }),
  z.object({
    seq: z.int(),
    type: z.literal('trading:processing'),
    stray: Processing,
  }),
])

export const StockLevel = z.object({ sku: z.string(), stock: z.int() })

export const ShopRecord = z.discriminatedUnion('t', [
  z.object({ t: z.literal('buyer'), lsn: z.int(), account: Account }),
  z.object({
    t: z.literal('token'),
    lsn: z.int(),
    buyerId: z.string(),
    token: TokenRecord,
  }),
  z.object({ t: z.literal('product'), lsn: z.int(), product: Product }),
  z.object({
    t: z.literal('trade'),
    lsn: z.int(),
    requestId: z.string(),
    trade: StoredTrade,
    stock: z.array(StockLevel),
    feed: z.array(StoredFeedEvent),
  }),
  z.object({
    t: z.literal('move'),
    lsn: z.int(),
    buyerId: z.string(),
    tradingId: z.string(),
    index: z.int(),
    processing: Processing,
    stock: z.array(StockLevel),
    feed: z.array(StoredFeedEvent),
  }),
  // Sign out everywhere: every token the buyer holds stops working.
  z.object({
    t: z.literal('revoke'),
    lsn: z.int(),
    buyerId: z.string(),
    at: z.string(),
  }),
  z.object({
    t: z.literal('feed'),
    lsn: z.int(),
    buyerId: z.string(),
    feed: z.array(StoredFeedEvent),
  }),
])

// requestId → tradingId. On disk a list of pairs, since a requestId such
// as "__proto__" is not a safe key of a plain object; files written as an
// object by earlier versions still load.
const StoredRequests = z
  .union([
    z.array(z.tuple([z.string(), z.string()])),
    z.record(z.string(), z.string()),
  ])
  .transform((r) => new Map(Array.isArray(r) ? r : Object.entries(r)))

// A buyer on disk (see buyer-files.ts): buyers/<id>.json holds the account,
// its tokens and the newest trades and feed events, from index
// `tradesFrom` and seq `feedFrom + 1` on; the older ones sit in sealed
// chunk files. A file without those two fields holds everything.
export const BuyerDoc = z.object({
  account: Account,
  tokens: z.array(TokenRecord),
  trades: z.array(FileTrade),
  requests: StoredRequests,
  feed: z.array(StoredFeedEvent),
  tradesFrom: z.int().min(0).default(0),
  feedFrom: z.int().min(0).default(0),
})

// One sealed run of a buyer's trades, with the requestIds that made them.
export const TradesChunkDoc = z.object({
  trades: z.array(FileTrade),
  requests: StoredRequests,
})

// One sealed run of a buyer's feed events.
export const FeedChunkDoc = z.object({ feed: z.array(StoredFeedEvent) })

export const CatalogDoc = z.object({ products: z.array(Product) })
export const CheckpointDoc = z.object({ lsn: z.int().min(0) })

export type Account = z.infer<typeof Account>
export type TokenRecord = z.infer<typeof TokenRecord>
export type StoredTrade = z.infer<typeof StoredTrade>
export type PackedTrade = z.infer<typeof PackedTrade>
export type StoredFeedEvent = z.infer<typeof StoredFeedEvent>
export type StockLevel = z.infer<typeof StockLevel>
export type ShopRecord = z.infer<typeof ShopRecord>
export type BuyerDoc = z.input<typeof BuyerDoc>
export type TradesChunkDoc = z.input<typeof TradesChunkDoc>
export type FeedChunkDoc = z.input<typeof FeedChunkDoc>

// One buyer as read from its files: every trade and feed event,
// whichever file it came from.
export interface BuyerFiles {
  account: Account
  tokens: TokenRecord[]
  trades: (StoredTrade | PackedTrade)[]
  requests: Map<string, string>
  feed: StoredFeedEvent[]
}

// One buyer in memory (see trade-record.ts and feed-log.ts for why its
// trades and feed are not kept as they are on disk).
export interface BuyerState {
  account: Account
  tokens: TokenRecord[]
  trades: TradeRecord[]
  // requestId → tradingId, so that an order sent twice is placed once
  requests: Map<string, string>
  feed: FeedLog
}
export type CatalogDoc = z.infer<typeof CatalogDoc>

// A record before the store numbers it.
export type NewRecord = ShopRecord extends infer R
  ? R extends ShopRecord
    ? Omit<R, 'lsn'>
    : never
  : never
