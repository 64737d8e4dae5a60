import { readdir, readFile, appendFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { STARTER_CATALOG } from '../../server/shop/catalog.js'
import { CHILD_MERCHANT_KEY, startChildShop } from '../support/child-shop.js'
import {
  buyerSocket,
  closeAll,
  connect,
  merchantSocket,
  orderPayload,
  post,
  request,
  startTestShop,
  type BuyerSocket,
  type MerchantSocket,
  cleanUpAfterEach,
} from '../support/shop.js'
import { tempDir } from '../support/temp-dir.js'

cleanUpAfterEach()

describe('a restarted shop', () => {
  it('keeps catalog, accounts, trades and feeds', async () => {
    const dir = await tempDir('shop')
    const first = await startTestShop(dir)
    const buyer = await buyerSocket(first.url, 'Margaret')
    const merchant = await merchantSocket(first.url)
    await request(merchant, 'catalog:upsert', {
      sku: 'NEW-1', name: 'New thing', priceMinor: 4200, currency: 'EUR', stock: 3,
    })
    const placed = await request(buyer.socket, 'order:place',
      orderPayload([{ sku: 'NEW-1', quantity: 2 }]))
    await request(merchant, 'order:advance', {
      tradingId: placed.trading.tradingId, track: 'payment', to: 'authorized',
    })
    const feedBefore = await request(buyer.socket, 'feed:sync', { after: 0 })
    const listBefore = await request(merchant, 'orders:list', {})
    await closeAll()

    const second = await startTestShop(dir)

    const session = await post(`${second.url}/api/sessions`, {
      name: 'Margaret', password: 'correct horse',
    })
    expect(session.status).toBe(200)
    const again = await connect<BuyerSocket>(second.url, '/buyer', { token: buyer.token })
    expect(await request(again, 'feed:sync', { after: 0 })).toEqual(feedBefore)
    const merchant2 = await merchantSocket(second.url)
    expect(await request(merchant2, 'orders:list', {})).toEqual(listBefore)
    const { products } = await request(again, 'catalog:list', {})
    expect(products.find((p: any) => p.sku === 'NEW-1').stock).toBe(1)
    expect(products).toHaveLength(STARTER_CATALOG.length + 1)
  })

  it('cuts off a torn last journal line and keeps everything before it', async () => {
    const dir = await tempDir('shop')
    const first = await startTestShop(dir)
    const buyer = await buyerSocket(first.url)
    const placed = await request(buyer.socket, 'order:place',
      orderPayload([{ sku: 'MUG-STONE', quantity: 1 }]))
    await closeAll()
    const segments = await readdir(join(dir, 'journal'))
    await appendFile(join(dir, 'journal', segments.sort().at(-1)!), '{"t":"trade","lsn":99')

    const second = await startTestShop(dir)

    const merchant = await merchantSocket(second.url)
    const { trades } = await request(merchant, 'orders:list', {})
    expect(trades.map((t: any) => t.trading.tradingId)).toEqual([placed.trading.tradingId])
  })
})

describe('a shop killed with SIGKILL', () => {
  it('keeps every acknowledged order and status change', async () => {
    const dir = await tempDir('shop')
    let shop = await startChildShop(dir)
    const setup = await connect<MerchantSocket>(shop.url, '/merchant', {
      merchantKey: CHILD_MERCHANT_KEY,
    })
    await request(setup, 'catalog:upsert', {
      sku: 'BULK', name: 'Bulk item', priceMinor: 10, currency: 'EUR', stock: 1_000_000,
    })
    setup.disconnect()
    const acked: { tradingIds: string[]; moves: Map<string, number> } = {
      tradingIds: [],
      moves: new Map(),
    }

    for (let round = 0; round < 3; round++) {
      const sockets = await Promise.all([0, 1, 2].map(() => buyerSocket(shop.url)))
      const merchant = await connect<MerchantSocket>(shop.url, '/merchant', {
        merchantKey: CHILD_MERCHANT_KEY,
      })
      const stop = { now: false }
      const work = sockets.map((b) =>
        // Requests cut off by the kill fail; only acknowledged ones count.
        placeAndMove(b.socket, merchant, acked, stop).catch((err: Error) => err),
      )
      await new Promise((r) => setTimeout(r, 150 + round * 100))
      shop.child.kill('SIGKILL')
      await shop.exited
      stop.now = true
      await Promise.allSettled(work)
      for (const b of sockets) b.socket.disconnect()
      merchant.disconnect()
      shop = await startChildShop(dir)
    }

    const merchant = await connect<MerchantSocket>(shop.url, '/merchant', {
      merchantKey: CHILD_MERCHANT_KEY,
    })
    const { trades } = await request(merchant, 'orders:list', {})
    const stored = new Map<string, any>(trades.map((t: any) => [t.trading.tradingId, t]))
    expect(acked.tradingIds.length).toBeGreaterThan(0)
    for (const id of acked.tradingIds) expect(stored.has(id), id).toBe(true)
    for (const [id, moves] of acked.moves) {
      expect(stored.get(id).history.length).toBeGreaterThanOrEqual(1 + moves)
    }
    const { products } = await request(merchant, 'catalog:list', {})
    const stock = products.find((p: any) => p.sku === 'BULK').stock
    expect(stock).toBe(1_000_000 - trades.length)
    shop.child.kill('SIGTERM')
    expect(await shop.exited).toBe(0)
    console.info(`SIGKILL: ${acked.tradingIds.length} acknowledged orders, all kept`)
  }, 60_000)
})

async function placeAndMove(
  buyer: BuyerSocket,
  merchant: MerchantSocket,
  acked: { tradingIds: string[]; moves: Map<string, number> },
  stop: { now: boolean },
) {
  while (!stop.now) {
    const placed = await request(buyer, 'order:place',
      orderPayload([{ sku: 'BULK', quantity: 1 }]))
    if (!placed.ok) throw new Error(placed.error.code)
    const id = placed.trading.tradingId
    acked.tradingIds.push(id)
    const res = await request(merchant, 'order:advance', {
      tradingId: id, track: 'order', to: 'in_preparation',
    })
    if (res.ok) acked.moves.set(id, 1)
  }
}
