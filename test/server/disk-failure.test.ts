import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readBuyerFiles } from '../../server/store/buyer-files.js'
import { ShopRecord } from '../../server/store/records.js'
import { FaultyFs } from '../support/faulty-fs.js'
import {
  buyerSocket,
  closeAll,
  merchantSocket,
  orderPayload,
  request,
  startTestShop,
  cleanUpAfterEach,
} from '../support/shop.js'
import { tempDir } from '../support/temp-dir.js'

cleanUpAfterEach()

const HOUR = 3_600_000

async function shopOn(fs: FaultyFs, dir?: string) {
  const server = await startTestShop(dir ?? (await tempDir('shop')), 0, {
    fs, checkpointEveryMs: HOUR,
  })
  const buyer = await buyerSocket(server.url)
  const merchant = await merchantSocket(server.url)
  return { server, buyer, merchant }
}

async function stockOf(socket: Parameters<typeof request>[0], sku: string) {
  const { products } = await request(socket, 'catalog:list', {})
  return products.find((p: { sku: string }) => p.sku === sku).stock as number
}

async function journalRecords(dir: string) {
  const folder = join(dir, 'journal')
  const lines: unknown[] = []
  for (const name of (await readdir(folder)).sort()) {
    const text = await readFile(join(folder, name), 'utf8')
    for (const line of text.split('\n').filter((l) => l !== '')) {
      lines.push(ShopRecord.parse(JSON.parse(line)))
    }
  }
  return lines
}

describe.each(['full', 'read-only', 'short-then-full'] as const)(
  'a %s disk',
  (fault) => {
    it('refuses changes with unavailable, keeps serving and leaves no trace', async () => {
      const fs = new FaultyFs()
      const { server, buyer, merchant } = await shopOn(fs)
      const before = await stockOf(merchant, 'MUG-STONE')
      fs.fault = fault

      const tries = await Promise.all([1, 2, 3].map(() =>
        request(buyer.socket, 'order:place',
          orderPayload([{ sku: 'MUG-STONE', quantity: 1 }]))))

      expect(tries.map((t) => t.error?.code)).toEqual(
        ['unavailable', 'unavailable', 'unavailable'])
      expect(await stockOf(merchant, 'MUG-STONE')).toBe(before)
      expect((await request(merchant, 'orders:list', {})).trades).toEqual([])
      const sync = await request(buyer.socket, 'feed:sync', { after: 0 })
      expect(sync.error?.code ?? sync.lastSeq).toBeOneOf(['unavailable', 0])
      expect((await fetch(`${server.url}/health`)).status).toBe(200)
    })

    it('recovers by itself once the disk takes writes again', async () => {
      const fs = new FaultyFs()
      const dir = await tempDir('shop')
      const { buyer, merchant } = await shopOn(fs, dir)
      const payload = orderPayload([{ sku: 'MUG-STONE', quantity: 2 }])
      fs.fault = fault
      const refused = await request(buyer.socket, 'order:place', payload)

      fs.fault = 'none'
      const placed = await request(buyer.socket, 'order:place', payload)
      const again = await request(buyer.socket, 'order:place', payload)

      expect(refused.error.code).toBe('unavailable')
      expect(placed.ok).toBe(true)
      expect(again.trading).toEqual(placed.trading)
      expect((await request(merchant, 'orders:list', {})).trades).toHaveLength(1)
      const records = await journalRecords(dir)
      expect(records.filter((r: any) => r.t === 'trade')).toHaveLength(1)
    })
  },
)

describe('a checkpoint', () => {
  it('writes only what is on disk, never a change still in flight', async () => {
    const fs = new FaultyFs()
    const dir = await tempDir('shop')
    const { server, buyer, merchant } = await shopOn(fs, dir)
    await server.shop.store.checkpoint()
    const stock = await stockOf(merchant, 'MUG-STONE')
    const lost = deferred()
    const arrived = deferred()
    fs.beforeDatasync = (path) => {
      if (!path.endsWith('.log')) return Promise.resolve()
      arrived.resolve()
      return lost.promise.then(() => {
        throw new Error('EIO: the held line is lost')
      })
    }

    // The order is applied in memory but its journal line is held, then
    // fails; the checkpoint queued behind it must not write it.
    const order = request(buyer.socket, 'order:place',
      orderPayload([{ sku: 'MUG-STONE', quantity: 3 }]))
    await arrived.promise
    const checkpoint = server.shop.store.checkpoint()
    lost.resolve()
    const answer = await order
    fs.beforeDatasync = null
    await checkpoint
    await server.shop.store.checkpoint()

    expect(answer.error.code).toBe('unavailable')
    const catalog = JSON.parse(await readFile(join(dir, 'catalog.json'), 'utf8'))
    const mug = catalog.products.find((p: { sku: string }) => p.sku === 'MUG-STONE')
    expect(mug.stock).toBe(stock)
    const { doc } = await readBuyerFiles(join(dir, 'buyers'), `${buyer.buyerId}.json`)
    expect(doc.trades).toEqual([])
    expect(doc.feed).toEqual([])
  })

  it('writes files without the changes still in flight as it writes them', async () => {
    const fs = new FaultyFs()
    const dir = await tempDir('shop')
    const { server, buyer, merchant } = await shopOn(fs, dir)
    await server.shop.store.checkpoint()
    const stock = await stockOf(merchant, 'MUG-STONE')
    const gates = [deferred(), deferred()]
    const arrivals = [deferred(), deferred()]
    let n = 0
    fs.beforeDatasync = (path) => {
      if (!path.endsWith('.log') || n >= 2) return Promise.resolve()
      arrivals[n]!.resolve()
      return gates[n++]!.promise
    }
    const first = request(buyer.socket, 'order:place',
      orderPayload([{ sku: 'MUG-STONE', quantity: 3 }]))
    await arrivals[0]!.promise

    // The checkpoint starts behind the first order; the second order
    // comes after it and is held while the files are written.
    const checkpoint = server.shop.store.checkpoint()
    const second = request(buyer.socket, 'order:place',
      orderPayload([{ sku: 'MUG-STONE', quantity: 4 }]))
    gates[0]!.resolve()
    await arrivals[1]!.promise
    await checkpoint
    const written = await readFile(join(dir, 'catalog.json'), 'utf8')
    gates[1]!.resolve()

    expect((await first).ok).toBe(true)
    expect((await second).ok).toBe(true)
    const mug = (text: string) => JSON.parse(text).products
      .find((p: { sku: string }) => p.sku === 'MUG-STONE').stock
    expect(mug(written)).toBe(stock - 3)
    expect(await stockOf(merchant, 'MUG-STONE')).toBe(stock - 7)
  })
})

function deferred() {
  let resolve: () => void = () => undefined
  const promise = new Promise<void>((r) => {
    resolve = r
  })
  return { promise, resolve }
}
