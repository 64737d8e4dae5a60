import { readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { ulid } from 'ulid'
import { afterEach, describe, expect, it } from 'vitest'
import type { Processing, Trading } from '../../shared/protocol/index.js'
import { readBuyerFiles } from '../../server/store/buyer-files.js'
import { loadShop, type DamageReport } from '../../server/store/load-shop.js'
import type { BuyerFiles, BuyerState, NewRecord } from '../../server/store/records.js'
import {
  EVENTS_PER_CHUNK,
  TRADES_PER_CHUNK,
} from '../../server/store/shop-state.js'
import { openJsonStore } from '../../server/store/shop-store.js'
import { FaultyFs } from '../support/faulty-fs.js'
import { removeTempDirs, tempDir } from '../support/temp-dir.js'

afterEach(removeTempDirs)

// A buyer's trades and feed on disk: a main file plus sealed chunks, and
// a checkpoint that writes only what changed.

const DIGEST = 'ab'.repeat(32)

function newBuyer(): { buyerId: string; record: NewRecord } {
  const buyerId = `B-${ulid()}`
  const account = {
    buyerId, name: `Buyer ${buyerId.slice(-6)}`, passwordHash: 'x',
    createdAt: '2026-12-01T00:00:00.000Z',
  }
  return { buyerId, record: { t: 'buyer', account } }
}

class Orders {
  seq = 0
  constructor(readonly buyerId: string) {}

  trade(n: number): NewRecord & { t: 'trade' } {
    const tradingId = `T-${ulid()}`
    const placedAt = new Date(Date.UTC(2026, 11, 1, 0, n)).toISOString()
    const trading: Trading = {
      tradingId, buyerId: this.buyerId, placedAt,
      items: [{ sku: 'MUG-STONE', name: 'Stoneware mug', quantity: 1, unitPriceMinor: 1200 }],
      totalMinor: 1200, currency: 'EUR',
      shipTo: { name: 'Ada', address: '1 Test Street' },
      payment: { method: 'card' },
    }
    const first: Processing = {
      tradingId, order: { status: 'accepted' }, delivery: { status: 'pending' },
      payment: { status: 'pending' }, updatedAt: placedAt, contentsDigest: DIGEST,
    }
    return {
      t: 'trade', requestId: `R-${n}-${tradingId}`, stock: [],
      trade: { trading, history: [first] },
      feed: [
        { seq: ++this.seq, type: 'trading:info', tradingId },
        { seq: ++this.seq, type: 'trading:processing', tradingId, index: 0 },
      ],
    }
  }

  move(tradingId: string, before: Processing, index: number): NewRecord {
    const processing: Processing = {
      ...before, order: { status: 'in_preparation' },
      updatedAt: '2026-12-02T00:00:00.000Z',
    }
    return {
      t: 'move', buyerId: this.buyerId, tradingId, index, processing, stock: [],
      feed: [{ seq: ++this.seq, type: 'trading:processing', tradingId, index }],
    }
  }
}

async function withTrades(dir: string, count: number, fs?: FaultyFs) {
  const store = await openJsonStore(dir, { fs, checkpointEveryMs: 3_600_000 })
  const { buyerId, record } = newBuyer()
  await store.commit(record)
  const orders = new Orders(buyerId)
  for (let n = 0; n < count; n++) await store.commit(orders.trade(n))
  return { store, buyerId, orders }
}

// A buyer as plain data, in memory or as read from its files.
function plain(doc: BuyerState | BuyerFiles) {
  return JSON.parse(JSON.stringify({ ...doc, requests: [...doc.requests].sort() }))
}

async function files(dir: string): Promise<string[]> {
  return (await readdir(join(dir, 'buyers'))).sort()
}

function written(fs: FaultyFs, dir: string): string[] {
  const folder = join(dir, 'buyers')
  return fs.ops()
    .filter((op) => op.startsWith('rename ') && op.includes(folder))
    .map((op) => op.split(' -> ')[1]!.slice(folder.length + 1))
}

describe("a buyer's files", () => {
  it('seal full runs of trades and feed events into chunks and load back the same buyer', async () => {
    const dir = await tempDir('chunks')
    const count = TRADES_PER_CHUNK * 2 + 5
    const { store, buyerId, orders } = await withTrades(dir, count)
    const old = store.state.buyers.get(buyerId)!.trades[3]!
    await store.commit(orders.move(old.tradingId, old.present, 1))
    await store.close()

    const feedChunks = Math.floor(orders.seq / EVENTS_PER_CHUNK)
    expect(await files(dir)).toEqual([
      `${buyerId}.f0.json`, `${buyerId}.json`, `${buyerId}.t0.json`, `${buyerId}.t1.json`,
    ].slice(feedChunks === 1 ? 0 : 1))
    const loaded = await loadShop(dir)
    const doc = loaded.state.buyers.get(buyerId)!
    expect(doc.trades).toHaveLength(count)
    expect(doc.trades[3]!.length).toBe(2)
    expect(doc.feed).toHaveLength(orders.seq)
    expect(doc.requests.size).toBe(count)
    expect(loaded.state.trades.get(old.tradingId)!.index).toBe(3)
    expect(loaded.state.dirty.size).toBe(0)
  })

  it('has a checkpoint write the main file and the changed chunk only', async () => {
    const dir = await tempDir('chunks')
    const fs = new FaultyFs()
    const { store, buyerId, orders } = await withTrades(dir, TRADES_PER_CHUNK * 3 + 2, fs)
    await store.checkpoint()

    fs.calls.length = 0
    await store.commit(orders.trade(1000))
    await store.checkpoint()
    expect(written(fs, dir)).toEqual([`${buyerId}.json`])

    fs.calls.length = 0
    const old = store.state.buyers.get(buyerId)!.trades[TRADES_PER_CHUNK + 1]!
    await store.commit(orders.move(old.tradingId, old.present, 1))
    await store.checkpoint()
    expect(written(fs, dir)).toEqual([`${buyerId}.t1.json`, `${buyerId}.json`])
    await store.close()
  })

  it('lose nothing when a checkpoint stops between a chunk and the main file', async () => {
    const dir = await tempDir('chunks')
    const fs = new FaultyFs()
    const { store, buyerId, orders } = await withTrades(dir, TRADES_PER_CHUNK - 1, fs)
    await store.checkpoint()
    // two more trades fill chunk 0 and start the next
    await store.commit(orders.trade(500))
    await store.commit(orders.trade(501))
    const before = plain(store.state.buyers.get(buyerId)!)
    const main = join(dir, 'buyers', `${buyerId}.json`)
    const realRename = fs.rename.bind(fs)
    fs.rename = async (from, to) => {
      if (to === main) throw Object.assign(new Error('EIO'), { code: 'EIO' })
      return realRename(from, to)
    }
    await store.checkpoint()
    expect(await files(dir)).toContain(`${buyerId}.t0.json`)

    // the process dies here; the next start reads the old main file, the
    // new chunk it does not count on yet, and the journal
    const loaded = await loadShop(dir)
    expect(plain(loaded.state.buyers.get(buyerId)!)).toEqual(before)
    await store.close().catch(() => undefined)
  })

  it('are set aside together when one chunk is damaged', async () => {
    const dir = await tempDir('chunks')
    const { store, buyerId } = await withTrades(dir, TRADES_PER_CHUNK + 1)
    await store.checkpoint()
    await store.close()
    // a checkpoint also drops the journal, so only the files hold the buyer
    const chunk = join(dir, 'buyers', `${buyerId}.t0.json`)
    const text = await readFile(chunk, 'utf8')
    await writeFile(chunk, text.replace('"totalMinor":1200', '"totalMinor":1300'))

    const reports: DamageReport[] = []
    const loaded = await loadShop(dir, (r) => reports.push(r))
    expect(loaded.state.buyers.has(buyerId)).toBe(false)
    expect(reports).toHaveLength(1)
    expect(reports[0]!.severity).toBe('lost')
    expect(reports[0]!.message).toMatch(/checksum does not match/)
    expect(reports[0]!.movedTo).toHaveLength(2)
    expect((await files(dir)).every((n) => n.includes('.corrupt-'))).toBe(true)
  })

  it('load a file written without the envelope through the full schema, then seal it', async () => {
    const dir = await tempDir('chunks')
    const { store, buyerId } = await withTrades(dir, TRADES_PER_CHUNK + 3)
    await store.close()
    const doc = (await readBuyerFiles(join(dir, 'buyers'), `${buyerId}.json`)).doc
    // one file holding everything, as earlier versions wrote it
    for (const n of await files(dir)) {
      if (n !== `${buyerId}.json`) await rm(join(dir, 'buyers', n))
    }
    await writeFile(join(dir, 'buyers', `${buyerId}.json`),
      JSON.stringify({ ...doc, requests: Object.fromEntries(doc.requests) }))

    const again = await openJsonStore(dir, { checkpointEveryMs: 3_600_000 })
    expect(plain(again.state.buyers.get(buyerId)!)).toEqual(plain(doc))
    expect(again.state.dirty.get(buyerId)?.tradeChunks).toEqual(new Set([0]))
    await again.checkpoint()
    await again.close()
    expect(await files(dir)).toContain(`${buyerId}.t0.json`)

    // and a legacy file that breaks the schema is refused, not trusted
    await writeFile(join(dir, 'buyers', `${buyerId}.json`),
      JSON.stringify({ ...doc, trades: [{ nonsense: true }], requests: [] }))
    const reports: DamageReport[] = []
    await loadShop(dir, (r) => reports.push(r))
    expect(reports[0]?.file).toContain(`${buyerId}.json`)
  })

  it('load trades written whole, with every processing information, as earlier versions did', async () => {
    const dir = await tempDir('chunks')
    const { store, buyerId, orders } = await withTrades(dir, 3)
    const moved = store.state.buyers.get(buyerId)!.trades[1]!
    await store.commit(orders.move(moved.tradingId, moved.present, 1))
    const doc = store.state.buyers.get(buyerId)!
    const expected = plain(doc)
    const trades = doc.trades.map((t) => ({ trading: t.trading, history: t.history() }))
    await store.close()
    await writeFile(join(dir, 'buyers', `${buyerId}.json`),
      JSON.stringify({ ...expected, trades, requests: [...doc.requests] }))

    const loaded = await loadShop(dir)
    const again = loaded.state.buyers.get(buyerId)!
    expect(plain(again)).toEqual(expected)
    expect(again.trades[1]!.history()).toEqual(trades[1]!.history)
  })

  it('refuse a packed past that does not unpack to processing informations', async () => {
    const dir = await tempDir('chunks')
    const { store, buyerId, orders } = await withTrades(dir, 2)
    const moved = store.state.buyers.get(buyerId)!.trades[0]!
    await store.commit(orders.move(moved.tradingId, moved.present, 1))
    const doc = plain(store.state.buyers.get(buyerId)!)
    await store.close()
    doc.trades[0].past = '["9z9"]'
    await writeFile(join(dir, 'buyers', `${buyerId}.json`), JSON.stringify(doc))

    const reports: DamageReport[] = []
    const loaded = await loadShop(dir, (r) => reports.push(r))
    expect(reports[0]?.file).toContain(`${buyerId}.json`)
    expect(loaded.state.trades.has(moved.tradingId)).toBe(false)
  })
})
