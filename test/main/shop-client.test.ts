import { once } from 'node:events'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type {
  BuyerSession,
  BuyerShopClient,
  TradeRecord,
} from '../../main/core/index.js'
import type {
  MerchantTrade,
  Processing,
} from '../../shared/protocol/index.js'
import { feedLength, onDisk, order, useClients } from './helpers/clients.js'
import { CuttableProxy, freePort } from './helpers/proxy.js'
import { Merchant, newBuyer, startShop } from './helpers/shop.js'
import { useTempFolders } from './helpers/temp.js'
import { until } from './helpers/until.js'

type Shop = Awaited<ReturnType<typeof startShop>>
type Step = ['order' | 'delivery' | 'payment', string]

// Every track to its end, in an order the shop accepts.
const FULL_RUN: Step[] = [
  ['order', 'in_preparation'],
  ['payment', 'authorized'],
  ['order', 'ready'],
  ['payment', 'captured'],
  ['delivery', 'shipped'],
  ['delivery', 'in_transit'],
  ['delivery', 'delivered'],
  ['order', 'completed'],
]

const tempFolder = useTempFolders()
const startClient = useClients()
let shop: Shop
let merchant: Merchant
let buyer: BuyerSession
let sku: string

beforeEach(async () => {
  shop = await startShop(await tempFolder())
  merchant = await Merchant.connect(shop.url)
  buyer = await newBuyer(shop.url)
  sku = (await merchant.stockedProduct()).sku
})

afterEach(async () => {
  merchant.close()
  await shop.close()
})

async function buyerTrades(): Promise<MerchantTrade[]> {
  const { trades } = await merchant.ask('orders:list', {})
  return trades.filter((t) => t.trading.buyerId === buyer.buyerId)
}

function timelineOf(trade: TradeRecord | undefined): Processing[] {
  return trade?.timeline.map((entry) => entry.processing) ?? []
}

// The client holds exactly what the shop holds for the buyer: every
// trade, each with the shop's whole history once, in order.
async function expectSameAsShop(client: BuyerShopClient): Promise<void> {
  const shopTrades = await buyerTrades()
  expect(client.lastSeq).toBe(feedLength(shopTrades))
  expect(Object.keys(client.trades()).sort())
    .toEqual(shopTrades.map((t) => t.trading.tradingId).sort())
  for (const t of shopTrades) {
    const mine = client.trades()[t.trading.tradingId]
    expect(mine?.trading).toEqual(t.trading)
    expect(timelineOf(mine)).toEqual(t.history)
    expect(mine?.present).toEqual(t.processing)
  }
  expect(client.warnings()).toEqual([])
}

async function caughtUp(client: BuyerShopClient): Promise<void> {
  const expected = feedLength(await buyerTrades())
  await until(client, `seq ${expected}`, () => client.lastSeq === expected)
}

describe('BuyerShopClient with a real shop', () => {
  it('lists the catalog', async () => {
    const client = await startClient(shop.url, buyer, await tempFolder())
    await once(client, 'synced')

    const products = await client.catalog()

    expect(products.map((p) => p.sku)).toContain(sku)
  })

  it('stores the trade in the file before placeOrder resolves', async () => {
    const folder = await tempFolder()
    const client = await startClient(shop.url, buyer, folder)
    await once(client, 'synced')

    const placed = await client.placeOrder(order(sku, 3))

    expect(placed.state).toBe('placed')
    const file = await onDisk(folder, shop.url, buyer.buyerId)
    const stored = file.trades[placed.tradingId ?? '']
    expect(stored?.trading.items[0]).toMatchObject({ sku, quantity: 3 })
    expect(file.orders).toEqual([placed])
  })

  it('follows a trade through all three tracks live', async () => {
    const folder = await tempFolder()
    const client = await startClient(shop.url, buyer, folder)
    await once(client, 'synced')
    const { tradingId = '' } = await client.placeOrder(order(sku))

    for (const [track, to] of FULL_RUN) {
      await merchant.advance(tradingId, track, to)
    }

    await until(client, 'a completed order', () =>
      client.trades()[tradingId]?.present?.order.status === 'completed')
    await expectSameAsShop(client)
    const file = await onDisk(folder, shop.url, buyer.buyerId)
    expect(file.trades[tradingId]?.present).toMatchObject({
      order: { status: 'completed' },
      delivery: { status: 'delivered', carrier: 'Parcelly' },
      payment: { status: 'captured' },
    })
    expect(file.trades[tradingId]?.timeline).toHaveLength(9)
  })

  it('reports a refused order with the shop\'s reason', async () => {
    const client = await startClient(shop.url, buyer, await tempFolder())
    await once(client, 'synced')

    const refused = await client.placeOrder(order('NO-SUCH-SKU'))

    expect(refused.state).toBe('refused')
    expect(refused.error?.code).toBe('unknown_product')
    expect(client.trades()).toEqual({})
  })

  it('raises a warning for the mismatch drill, trades untouched', async () => {
    const client = await startClient(shop.url, buyer, await tempFolder())
    await once(client, 'synced')
    await client.placeOrder(order(sku))
    await caughtUp(client)
    const before = structuredClone(client.trades())
    const warned = once(client, 'warning')

    const { tradingId } = await merchant.ask('drill:mismatch', {
      buyerId: buyer.buyerId,
    })

    const [warning] = await warned
    expect(warning).toMatchObject({ reason: 'unknown_trading_id', seq: 3 })
    expect(warning.message).toContain(tradingId)
    expect(client.trades()).toEqual(before)
    expect(client.warnings()).toEqual([warning])
    expect(client.lastSeq).toBe(3)
  })

  it('refuses to connect with a bad token', async () => {
    const session = { ...buyer, token: 'not-a-token' }
    const client = await startClient(shop.url, session, await tempFolder())

    await until(client, 'unauthorized', () =>
      client.status === 'unauthorized')
  })
})

describe('BuyerShopClient across outages', () => {
  it('places an order queued while the shop is down exactly once',
    async () => {
      const port = await freePort()
      const dataDir = await tempFolder()
      const first = await startShop(dataDir, port)
      const session = await newBuyer(first.url)
      await first.close()
      const folder = await tempFolder()
      const client = await startClient(first.url, session, folder)

      const queued = await client.placeOrder(order('COF-ETH-250'))
      const again = await startShop(dataDir, port)

      expect(queued.state).toBe('queued')
      try {
        const placed = await until(client, 'the order placed', () =>
          client.orders().find((o) => o.state === 'placed'))
        await until(client, 'its trade', () =>
          client.trades()[placed.tradingId ?? '']?.present != null)
        const seller = await Merchant.connect(again.url)
        const { trades } = await seller.ask('orders:list', {})
        seller.close()
        expect(trades.filter((t) => t.trading.buyerId === session.buyerId))
          .toHaveLength(1)
        expect(placed.requestId).toBe(queued.requestId)
        expect(client.lastSeq).toBe(2)
      } finally {
        await client.stop()
        await again.close()
      }
    })

  it('misses nothing and doubles nothing across a disconnect', async () => {
    const proxy = await CuttableProxy.start(shop.port)
    const client = await startClient(proxy.url, buyer, await tempFolder())
    await once(client, 'synced')
    const placed = await Promise.all(
      Array.from({ length: 4 }, () => client.placeOrder(order(sku))))
    const ids = placed.map((o) => o.tradingId ?? '')
    const steps = FULL_RUN.flatMap((step) => ids.map((id) => ({ id, step })))
    const advance = (from: number, to: number) =>
      steps.slice(from, to).reduce(
        (done, { id, step }) => done.then(() =>
          merchant.advance(id, step[0], step[1])),
        Promise.resolve())

    await advance(0, 8)
    const during = advance(8, 20)
    proxy.cut()
    await until(client, 'offline', () => client.status !== 'online')
    await during
    proxy.restore()
    await advance(20, steps.length)

    try {
      await caughtUp(client)
      await expectSameAsShop(client)
    } finally {
      await proxy.close()
    }
  })

  it('catches up after a restart on the same folder', async () => {
    const folder = await tempFolder()
    const first = await startClient(shop.url, buyer, folder)
    await once(first, 'synced')
    const { tradingId = '' } = await first.placeOrder(order(sku))
    await merchant.advance(tradingId, 'order', 'in_preparation')
    await caughtUp(first)
    const seenBefore = first.trades()[tradingId]?.timeline
    await first.stop()

    for (const [track, to] of FULL_RUN.slice(1)) {
      await merchant.advance(tradingId, track, to)
    }
    const second = await startClient(shop.url, buyer, folder)

    await caughtUp(second)
    await expectSameAsShop(second)
    expect(second.trades()[tradingId]?.timeline.slice(0, 2))
      .toEqual(seenBefore)
    expect(second.orders()).toEqual(first.orders())
  })
})
