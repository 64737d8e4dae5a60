import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  canonicalJson,
  type Processing,
} from '../../../shared/protocol/index.js'
import { readBuyerFiles } from '../../../server/store/buyer-files.js'
import { loadShop, type DamageReport } from '../../../server/store/load-shop.js'
import {
  CatalogDoc,
  CheckpointDoc,
  ShopRecord,
} from '../../../server/store/records.js'
import type { FeedLog } from '../../../server/store/feed-log.js'
import type { StoredFeedEvent } from '../../../server/store/records.js'
import type { ShopState } from '../../../server/store/shop-state.js'
import type { AckedOrder } from './buyers.js'
import type { AckedMove } from './merchant.js'

export interface StoreCheck {
  lost: string[]
  duplicated: string[]
  problems: string[]
  trades: number
}

// Checks a stopped (killed) shop's data folder as the next start will
// read it: every file parses, every acknowledged order and move is there,
// nothing is there twice, and the stock adds up. Works on a copy, since
// loading may cut a torn journal tail.
export async function checkDataFolder(
  dataDir: string,
  acked: { orders: AckedOrder[]; moves: AckedMove[] },
  initialStock: Map<string, number>,
): Promise<StoreCheck> {
  const check: StoreCheck = { lost: [], duplicated: [], problems: [], trades: 0 }
  check.problems.push(...(await unparsableFiles(dataDir)))
  const copy = await mkdtemp(join(tmpdir(), 'fault-check-'))
  try {
    await cp(dataDir, copy, { recursive: true })
    const damage: DamageReport[] = []
    const { state } = await loadShop(copy, (d) => damage.push(d))
    for (const d of damage) {
      if (d.severity === 'lost') check.problems.push(`damage at start: ${d.message}`)
    }
    check.trades = state.trades.size
    findLost(state, acked, check)
    findDuplicates(state, check)
    checkStock(state, initialStock, check)
  } finally {
    await rm(copy, { recursive: true, force: true })
  }
  return check
}

async function unparsableFiles(dir: string): Promise<string[]> {
  const bad: string[] = []
  const tryParse = async (path: string, parse: (raw: unknown) => unknown) => {
    try {
      parse(JSON.parse(await readFile(path, 'utf8')))
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') bad.push(`${path}: ${err}`)
    }
  }
  await tryParse(join(dir, 'catalog.json'), (r) => CatalogDoc.parse(r))
  await tryParse(join(dir, 'checkpoint.json'), (r) => CheckpointDoc.parse(r))
  const buyers = join(dir, 'buyers')
  for (const name of await readdir(buyers)) {
    if (/^B-[^.]+\.json$/.test(name)) {
      await readBuyerFiles(buyers, name).catch((err: unknown) => {
        bad.push(`${join(buyers, name)}: ${err}`)
      })
    }
    if (/\.(corrupt|damaged)-/.test(name)) bad.push(`set aside: ${name}`)
  }
  const segments = (await readdir(join(dir, 'journal'))).sort()
  for (const [i, name] of segments.entries()) {
    if (!name.endsWith('.log')) {
      // a crash-torn tail kept aside at an earlier start
      if (!name.includes('.torn-')) bad.push(`journal holds ${name}`)
      continue
    }
    const text = await readFile(join(dir, 'journal', name), 'utf8')
    const lines = text.split('\n')
    for (const [n, line] of lines.entries()) {
      // The last line of the last segment may be torn by the kill.
      const tail = i === segments.length - 1 && n === lines.length - 1
      if (line === '' && n === lines.length - 1) continue
      if (!ShopRecord.safeParse(safeJson(line)).success && !tail) {
        bad.push(`${name} line ${n + 1} does not parse`)
      }
    }
  }
  return bad
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

function findLost(
  state: ShopState,
  acked: { orders: AckedOrder[]; moves: AckedMove[] },
  check: StoreCheck,
): void {
  for (const o of acked.orders) {
    const entry = state.trades.get(o.tradingId)
    if (entry == null) check.lost.push(`order ${o.tradingId}`)
    else if (state.buyers.get(o.buyerId)?.requests.get(o.requestId) !== o.tradingId) {
      check.lost.push(`requestId ${o.requestId}`)
    }
  }
  for (const m of acked.moves) {
    const history = state.trades.get(m.tradingId)?.history() ?? []
    const want = canonicalJson(m.processing)
    if (!history.some((p) => canonicalJson(p) === want)) {
      check.lost.push(`move ${m.tradingId} → ${describe(m)}`)
    }
  }
}

function describe(m: AckedMove): string {
  const p = m.processing
  return `${p.order.status}/${p.delivery.status}/${p.payment.status}`
}

// A trade no requestId points to was placed twice; a feed event or a
// history step that repeats its predecessor was recorded twice.
function findDuplicates(state: ShopState, check: StoreCheck): void {
  for (const [buyerId, doc] of state.buyers) {
    const referenced = new Set(doc.requests.values())
    const feedKeys = new Set<string>()
    for (let i = 0; i < doc.feed.length; i++) {
      const ev = eventAt(doc.feed, i)
      if (ev == null || ev.seq !== i + 1) {
        check.problems.push(`feed of ${buyerId} has a gap at ${i + 1}`)
      }
      const key = ev == null || 'stray' in ev
        ? `stray ${i}`
        : `${ev.tradingId} ${ev.type} ${'index' in ev ? ev.index : ''}`
      if (feedKeys.has(key)) check.duplicated.push(`feed of ${buyerId}: ${key} twice`)
      feedKeys.add(key)
    }
    for (const trade of doc.trades) {
      const id = trade.tradingId
      const history = trade.history()
      if (!referenced.has(id)) check.duplicated.push(`trade ${id} placed twice`)
      if (feedKeys.size > 0 && !feedKeys.has(`${id} trading:info `)) {
        check.problems.push(`trade ${id} is missing from its buyer's feed`)
      }
      for (let i = 1; i < history.length; i++) {
        if (sameStatuses(history[i - 1]!, history[i]!)) {
          check.duplicated.push(`move of ${id} recorded twice at ${i}`)
        }
      }
    }
  }
}

// The event at a place in the feed, or null for a place with none.
function eventAt(feed: FeedLog, i: number): StoredFeedEvent | null {
  try {
    return feed.at(i)
  } catch {
    return null
  }
}

function sameStatuses(a: Processing, b: Processing): boolean {
  return a.order.status === b.order.status &&
    a.delivery.status === b.delivery.status &&
    a.payment.status === b.payment.status
}

function checkStock(
  state: ShopState,
  initial: Map<string, number>,
  check: StoreCheck,
): void {
  for (const [sku, start] of initial) {
    let held = 0
    for (const trade of state.trades.values()) {
      if (trade.present.order.status === 'cancelled') continue
      for (const item of trade.trading.items) if (item.sku === sku) held += item.quantity
    }
    const stock = state.catalog.get(sku)?.stock
    if (stock !== start - held) {
      check.problems.push(`stock of ${sku} is ${stock}, but ${start} − ` +
        `${held} held by open trades = ${start - held}`)
    }
  }
}
