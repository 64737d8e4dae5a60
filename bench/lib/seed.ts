import { createHash, randomBytes } from 'node:crypto'
import { cp, mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  contentsDigest,
  type Processing,
  type Trading,
} from '../../shared/protocol/index.js'
import { STARTER_CATALOG } from '../../server/shop/catalog.js'
import { hashPassword } from '../../server/shop/passwords.js'
import {
  BuyerDoc,
  type BuyerState,
  type StoredFeedEvent,
  type StoredTrade,
} from '../../server/store/records.js'
import { paths } from '../../server/store/snapshot.js'
import { buyerFileTexts } from '../../server/store/buyer-files.js'
import { FeedLog } from '../../server/store/feed-log.js'
import { TradeRecord } from '../../server/store/trade-record.js'
import { EVENTS_PER_CHUNK, TRADES_PER_CHUNK } from '../../server/store/shop-state.js'
import { fastUlid } from './ids.js'
import { JOURNEY, applyMove } from './journey.js'
import { orderPayload } from './orders.js'
import type { TempRoot } from './temp.js'

// Shop data folders with a given number of stored trades, written
// directly in the store's own format (catalog.json, buyers/<id>.json,
// checkpoint.json; no journal), valid for the schemas the shop checks on
// load. Every seed has the same 1,000 buyers, each holding N / 1,000
// trades, so the buyers that order in a benchmark are customers with a
// history, as in a real shop. Seeds are made once per run and copied for
// each server started on them.

export const SEED_BUYERS = 1000
// how many of each buyer's newest trades are still under way
const OPEN_PER_BUYER = 6

export interface SeedTrade {
  tradingId: string
  // how many moves of JOURNEY it has made
  done: number
}

export interface SeedBuyer {
  index: number
  buyerId: string
  name: string
  token: string
  trades: SeedTrade[]
  feedLength: number
}

export interface Seed {
  trades: number
  dir: string
  buyers: SeedBuyer[]
  // how long writing it took
  ms: number
}

interface Identity {
  buyerId: string
  name: string
  token: string
  tokenHash: string
}

export class Seeds {
  #identities: Promise<{ ids: Identity[]; passwordHash: string }> | null = null
  #seeds = new Map<number, Promise<Seed>>()

  constructor(private readonly temp: TempRoot) {}

  get(trades: number): Promise<Seed> {
    let seed = this.#seeds.get(trades)
    if (seed == null) {
      seed = this.#make(trades)
      this.#seeds.set(trades, seed)
    }
    return seed
  }

  // A private copy of a seed for one server to change.
  async copy(trades: number, label = 'shop'): Promise<{ seed: Seed; dir: string }> {
    const seed = await this.get(trades)
    const dir = await this.temp.sub(`${label}-${trades}`)
    await cp(seed.dir, dir, { recursive: true })
    return { seed, dir }
  }

  #ids() {
    this.#identities ??= (async () => {
      const passwordHash = await hashPassword('bench-password')
      const t = Date.now() - 400 * 24 * 3600 * 1000
      const ids: Identity[] = []
      for (let i = 0; i < SEED_BUYERS; i++) {
        const token = randomBytes(32).toString('base64url')
        ids.push({
          buyerId: `B-${fastUlid(t + i)}`,
          name: `Bench Buyer ${String(i).padStart(4, '0')}`,
          token,
          tokenHash: createHash('sha256').update(token).digest('hex'),
        })
      }
      return { ids, passwordHash }
    })()
    return this.#identities
  }

  async #make(total: number): Promise<Seed> {
    const t0 = performance.now()
    const { ids, passwordHash } = await this.#ids()
    const dir = await this.temp.sub(`seed-${total}`)
    const p = paths(dir)
    await mkdir(p.buyers, { recursive: true })
    await writeFile(p.catalog, JSON.stringify({ products: STARTER_CATALOG }))
    const perBuyer = Math.floor(total / SEED_BUYERS)
    const extra = total - perBuyer * SEED_BUYERS
    const createdAt = new Date(Date.now() - 365 * 24 * 3600 * 1000).toISOString()
    const expiresAt = new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString()
    const base = Date.now() - 300 * 24 * 3600 * 1000
    const digests = new Map<string, string>()
    const buyers: SeedBuyer[] = []
    let records = STARTER_CATALOG.length
    let tick = 0

    for (const [b, id] of ids.entries()) {
      const count = perBuyer + (b < extra ? 1 : 0)
      const trades: StoredTrade[] = []
      const feed: StoredFeedEvent[] = []
      const requests: Record<string, string> = {}
      const manifest: SeedTrade[] = []
      for (let n = 0; n < count; n++) {
        const at = base + tick++ * 60_000
        const order = orderPayload(b, n, 'seed')
        const items = order.items.map((i) => {
          const product = STARTER_CATALOG.find((p) => p.sku === i.sku)!
          return { sku: i.sku, name: product.name, quantity: i.quantity, unitPriceMinor: product.priceMinor }
        })
        const trading: Trading = {
          tradingId: `T-${fastUlid(at)}`,
          buyerId: id.buyerId,
          placedAt: new Date(at).toISOString(),
          items,
          totalMinor: items.reduce((s, i) => s + i.quantity * i.unitPriceMinor, 0),
          currency: 'EUR',
          shipTo: order.shipTo,
          payment: order.payment,
        }
        const contentsKey = JSON.stringify([items, order.shipTo, order.payment])
        let digest = digests.get(contentsKey)
        if (digest == null) {
          digest = contentsDigest(trading)
          digests.set(contentsKey, digest)
        }
        let present: Processing = {
          tradingId: trading.tradingId,
          order: { status: 'accepted' },
          delivery: { status: 'pending' },
          payment: { status: 'pending' },
          updatedAt: trading.placedAt,
          contentsDigest: digest,
        }
        const history = [present]
        // As in a shop that has been trading for a while: a buyer's older
        // trades are complete (every move of JOURNEY made), the newest few
        // still under way, at their first moves.
        const done = n >= count - OPEN_PER_BUYER ? (count - 1 - n) % 4 : JOURNEY.length
        for (let k = 0; k < done; k++) {
          present = applyMove(present, JOURNEY[k]!, new Date(at + (k + 1) * 3_600_000).toISOString())
          history.push(present)
        }
        trades.push({ trading, history })
        requests[order.requestId] = trading.tradingId
        feed.push({ seq: feed.length + 1, type: 'trading:info', tradingId: trading.tradingId })
        for (let k = 0; k < history.length; k++) {
          feed.push({ seq: feed.length + 1, type: 'trading:processing', tradingId: trading.tradingId, index: k })
        }
        manifest.push({ tradingId: trading.tradingId, done })
        records += 1 + done
      }
      const account = { buyerId: id.buyerId, name: id.name, passwordHash, createdAt }
      const tokens = [{ hash: id.tokenHash, createdAt, expiresAt }]
      // The first buyer of each seed is checked against the full schema;
      // the rest are made the same way. Each is written as the shop's
      // checkpoints write it: a main file and the chunks it counts on.
      if (b === 0) BuyerDoc.parse({ account, tokens, trades, feed, requests: Object.entries(requests) })
      const requestOf = new Map(Object.entries(requests).map(([r, t]) => [t, r]))
      const doc: BuyerState = {
        account,
        tokens,
        trades: trades.map((t, i) => TradeRecord.from(t, i, requestOf.get(t.trading.tradingId))),
        requests: new Map(Object.entries(requests)),
        feed: FeedLog.from(feed, trades.map((t) => t.trading)),
      }
      const every = {
        tradeChunks: new Set(trades.map((_, i) => Math.floor(i / TRADES_PER_CHUNK))),
        feedChunks: new Set(feed.map((_, i) => Math.floor(i / EVENTS_PER_CHUNK))),
      }
      for (const f of buyerFileTexts(doc, every)) {
        await writeFile(join(p.buyers, f.name), f.text)
      }
      records += 2
      buyers.push({
        index: b,
        buyerId: id.buyerId,
        name: id.name,
        token: id.token,
        trades: manifest,
        feedLength: feed.length,
      })
    }
    await writeFile(p.checkpoint, JSON.stringify({ lsn: records }))
    return { trades: total, dir, buyers, ms: performance.now() - t0 }
  }
}
