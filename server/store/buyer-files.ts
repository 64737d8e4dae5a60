import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  BuyerDoc,
  FeedChunkDoc,
  TradesChunkDoc,
  type BuyerFiles,
  type BuyerState,
  type PackedTrade,
  type StoredFeedEvent,
  type StoredTrade,
} from './records.js'
import {
  EVENTS_PER_CHUNK,
  TRADES_PER_CHUNK,
  type DirtyBuyer,
} from './shop-state.js'
import { openStoreFile, storeFileText } from './store-file.js'
import type { TradeRecord } from './trade-record.js'

// How one buyer is kept on disk, in the folder buyers/ (the chunk sizes
// are part of the format: changing them means a new FORMAT_VERSION and a
// migration, since chunk files are named by their number alone):
//   <id>.json      the account, its tokens, and the trades and feed
//                  events after the sealed chunks, with their requestIds;
//   <id>.t<k>.json trades k·64 … k·64+63 and their requestIds, once all
//                  64 exist;
//   <id>.f<k>.json feed events with seq k·256+1 … k·256+256, likewise.
// A checkpoint rewrites the main file and only the chunks that changed,
// so its work follows the change, not the buyer's history: a buyer with
// 5,000 trades who orders once costs a main file of at most 63 trades,
// not a file of 5,000. A buyer with a few dozen trades has one file.
//
// The main file is written last and names how many trades and events the
// chunks hold, so a crash between the files of one checkpoint leaves the
// main file of the previous one, which only counts on chunks that were
// already complete; a chunk rewritten meanwhile holds nothing the journal
// does not replay again.

export const chunkName = {
  trades: (buyerId: string, k: number) => `${buyerId}.t${k}.json`,
  feed: (buyerId: string, k: number) => `${buyerId}.f${k}.json`,
}

export interface FileText {
  name: string
  text: string
}

// The texts to write for one buyer, chunks first and the main file last.
// The work follows the files written: a buyer's older trades are not
// looked at.
export function buyerFileTexts(doc: BuyerState, dirty: DirtyBuyer): FileText[] {
  const id = doc.account.buyerId
  const tradesFrom = sealedLength(doc.trades.length, TRADES_PER_CHUNK)
  const feedFrom = sealedLength(doc.feed.length, EVENTS_PER_CHUNK)
  const files: FileText[] = []
  for (const k of [...dirty.tradeChunks].sort((a, b) => a - b)) {
    const start = k * TRADES_PER_CHUNK
    if (start + TRADES_PER_CHUNK > tradesFrom) continue
    const trades = doc.trades.slice(start, start + TRADES_PER_CHUNK)
    files.push({
      name: chunkName.trades(id, k),
      text: storeFileText({ trades, requests: requestPairs(trades) }),
    })
  }
  for (const k of [...dirty.feedChunks].sort((a, b) => a - b)) {
    const start = k * EVENTS_PER_CHUNK
    if (start + EVENTS_PER_CHUNK > feedFrom) continue
    files.push({
      name: chunkName.feed(id, k),
      text: storeFileText({ feed: doc.feed.slice(start, start + EVENTS_PER_CHUNK) }),
    })
  }
  const trades = doc.trades.slice(tradesFrom)
  files.push({
    name: `${id}.json`,
    text: storeFileText({
      account: doc.account,
      tokens: doc.tokens,
      trades,
      requests: requestPairs(trades),
      feed: doc.feed.slice(feedFrom),
      tradesFrom,
      feedFrom,
    }),
  })
  return files
}

function sealedLength(length: number, size: number): number {
  return Math.floor(length / size) * size
}

// [requestId, tradingId] of the trades given that have one.
function requestPairs(trades: TradeRecord[]): [string, string][] {
  const pairs: [string, string][] = []
  for (const t of trades) {
    if (t.requestId != null) pairs.push([t.requestId, t.tradingId])
  }
  return pairs
}

export interface LoadedBuyer {
  doc: BuyerFiles
  // how many trades and feed events came from sealed chunks
  onDisk: { trades: number; feed: number }
  // every file read, main file first
  files: string[]
}

// Reads one buyer's main file and the chunks it names. Throws if any of
// them is missing (a chunk), damaged, or does not fit the others. The
// reads are synchronous: this runs while the shop starts, with nothing
// else to serve, and a shop of 100,000 trades reads thousands of files,
// each of which costs several times more through the thread pool.
export async function readBuyerFiles(
  folder: string,
  mainName: string,
): Promise<LoadedBuyer> {
  const mainPath = join(folder, mainName)
  const main = decodeBuyer(readFileSync(mainPath))
  const id = main.account.buyerId
  if (`${id}.json` !== mainName) {
    throw new Error(`${mainName} holds buyer ${id}`)
  }
  const files = [mainPath]
  const requests = new Map<string, string>()
  const trades = readChunks(folder, main.tradesFrom, TRADES_PER_CHUNK,
    (k) => chunkName.trades(id, k), files, (bytes) => {
      const chunk = decodeTradesChunk(bytes)
      for (const [r, t] of chunk.requests) requests.set(r, t)
      return chunk.trades
    })
  const feed = readChunks(folder, main.feedFrom, EVENTS_PER_CHUNK,
    (k) => chunkName.feed(id, k), files, (bytes) => decodeFeedChunk(bytes).feed)
  trades.push(...main.trades)
  feed.push(...main.feed)
  for (const [r, t] of main.requests) requests.set(r, t)
  const doc: BuyerFiles = {
    account: main.account, tokens: main.tokens, trades, requests, feed,
  }
  return {
    doc,
    onDisk: { trades: main.tradesFrom, feed: main.feedFrom },
    files,
  }
}

// The first `count` items of a buyer, from chunk files of `size` items
// each; every chunk must be full.
function readChunks<T>(
  folder: string,
  count: number,
  size: number,
  name: (k: number) => string,
  files: string[],
  decode: (bytes: Buffer) => T[],
): T[] {
  const items: T[] = []
  for (let k = 0; k * size < count; k++) {
    const path = join(folder, name(k))
    files.push(path)
    const chunk = decode(readFileSync(path))
    if (chunk.length !== size) {
      throw new Error(`${path} holds ${chunk.length} items, not ${size}`)
    }
    items.push(...chunk)
  }
  return items
}

type FileTrade = StoredTrade | PackedTrade
type MainDoc = BuyerFiles & { tradesFrom: number; feedFrom: number }

// A sealed file is taken as written (see store-file.ts) after a check of
// its outline; anything else goes through the full schema.
function decodeBuyer(bytes: Buffer): MainDoc {
  const opened = openStoreFile(bytes)
  if (opened.kind === 'plain') return BuyerDoc.parse(opened.raw)
  const d = opened.doc as Record<string, unknown>
  const account = d.account as Record<string, unknown> | undefined
  if (typeof account?.buyerId !== 'string' || !Array.isArray(d.tokens) ||
      !Array.isArray(d.trades) || !Array.isArray(d.feed) ||
      !Array.isArray(d.requests) || !isCount(d.tradesFrom) ||
      !isCount(d.feedFrom)) {
    throw new Error('not a buyer file')
  }
  return { ...(d as unknown as MainDoc), requests: new Map(d.requests as [string, string][]) }
}

function decodeTradesChunk(bytes: Buffer): { trades: FileTrade[]; requests: Map<string, string> } {
  const opened = openStoreFile(bytes)
  if (opened.kind === 'plain') return TradesChunkDoc.parse(opened.raw)
  const d = opened.doc as Record<string, unknown>
  if (!Array.isArray(d.trades) || !Array.isArray(d.requests)) {
    throw new Error('not a trades chunk')
  }
  return {
    trades: d.trades as FileTrade[],
    requests: new Map(d.requests as [string, string][]),
  }
}

function decodeFeedChunk(bytes: Buffer): { feed: StoredFeedEvent[] } {
  const opened = openStoreFile(bytes)
  if (opened.kind === 'plain') return FeedChunkDoc.parse(opened.raw)
  const d = opened.doc as Record<string, unknown>
  if (!Array.isArray(d.feed)) throw new Error('not a feed chunk')
  return { feed: d.feed as StoredFeedEvent[] }
}

function isCount(v: unknown): v is number {
  return Number.isInteger(v) && (v as number) >= 0
}
