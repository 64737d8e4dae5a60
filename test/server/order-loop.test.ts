import { describe, expect, it } from 'vitest'
import { contentsDigest } from '../../shared/protocol/index.js'
import {
  buyerSocket,
  closeAll,
  collect,
  connect,
  type BuyerSocket,
  merchantSocket,
  orderPayload,
  request,
  startTestShop,
  cleanUpAfterEach,
} from '../support/shop.js'

cleanUpAfterEach()

const JOURNEY = [
  { track: 'order', to: 'in_preparation' },
  { track: 'payment', to: 'authorized' },
  { track: 'order', to: 'ready' },
  { track: 'delivery', to: 'shipped', carrier: 'DHL', trackingNo: 'JD0001' },
  { track: 'delivery', to: 'in_transit' },
  { track: 'payment', to: 'captured' },
  { track: 'delivery', to: 'delivered' },
  { track: 'order', to: 'completed' },
] as const

describe('the order loop', () => {
  it('takes a trade through all three tracks to complete', async () => {
    const shop = await startTestShop()
    const buyer = await buyerSocket(shop.url)
    const merchant = await merchantSocket(shop.url)
    const infos = collect<any>(buyer.socket, 'trading:info')
    const updates = collect<any>(buyer.socket, 'trading:processing')
    const changes = collect<any>(merchant, 'order:changed')

    const placed = await request(
      buyer.socket,
      'order:place',
      orderPayload([{ sku: 'COF-ETH-250', quantity: 2 }]),
    )
    expect(placed.ok).toBe(true)
    const { tradingId } = placed.trading
    expect(placed.trading).toMatchObject({
      buyerId: buyer.buyerId,
      items: [{ sku: 'COF-ETH-250', quantity: 2, unitPriceMinor: 1290 }],
      totalMinor: 2580,
      currency: 'EUR',
    })

    for (const move of JOURNEY) {
      const res = await request(merchant, 'order:advance', { tradingId, ...move })
      expect(res, `${move.track} → ${move.to}`).toMatchObject({ ok: true })
    }

    const pushed = await updates.atLeast(1 + JOURNEY.length)
    expect((await infos.atLeast(1))[0]).toEqual({ seq: 1, trading: placed.trading })
    expect(pushed.map((u) => u.seq)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10])
    const last = pushed.at(-1).processing
    expect(last).toMatchObject({
      tradingId,
      order: { status: 'completed' },
      delivery: { status: 'delivered', carrier: 'DHL', trackingNo: 'JD0001' },
      payment: { status: 'captured' },
      contentsDigest: contentsDigest(placed.trading),
    })
    await changes.atLeast(1 + JOURNEY.length)

    const complete = await request(merchant, 'orders:list', { state: 'complete' })
    expect(complete.trades).toHaveLength(1)
    expect(complete.trades[0].history).toHaveLength(1 + JOURNEY.length)
    const open = await request(merchant, 'orders:list', { state: 'open' })
    expect(open.trades).toEqual([])
  })

  it('prices an order from the catalog and reserves its stock', async () => {
    const shop = await startTestShop()
    const buyer = await buyerSocket(shop.url)
    const merchant = await merchantSocket(shop.url)
    await request(merchant, 'catalog:upsert', {
      sku: 'TEST-1', name: 'Test item', priceMinor: 999, currency: 'EUR', stock: 5,
    })

    const placed = await request(buyer.socket, 'order:place', orderPayload([
      { sku: 'TEST-1', quantity: 2 },
      { sku: 'TEST-1', quantity: 1 },
    ]))

    expect(placed.trading.items).toEqual([
      { sku: 'TEST-1', name: 'Test item', quantity: 3, unitPriceMinor: 999 },
    ])
    expect(placed.trading.totalMinor).toBe(2997)
    const { products } = await request(buyer.socket, 'catalog:list', {})
    expect(products.find((p: any) => p.sku === 'TEST-1').stock).toBe(2)
  })

  it('answers a repeated requestId with the same trade and places nothing new', async () => {
    const shop = await startTestShop()
    const buyer = await buyerSocket(shop.url)
    const merchant = await merchantSocket(shop.url)
    const payload = orderPayload([{ sku: 'MUG-STONE', quantity: 1 }])

    const [a, b] = await Promise.all([
      request(buyer.socket, 'order:place', payload),
      request(buyer.socket, 'order:place', payload),
    ])
    const c = await request(buyer.socket, 'order:place', payload)

    expect(a.trading).toEqual(b.trading)
    expect(c.trading).toEqual(a.trading)
    expect((await request(merchant, 'orders:list', {})).trades).toHaveLength(1)
    const { products } = await request(buyer.socket, 'catalog:list', {})
    expect(products.find((p: any) => p.sku === 'MUG-STONE').stock).toBe(29)
  })

  it('refuses a used requestId for a different order', async () => {
    const shop = await startTestShop()
    const buyer = await buyerSocket(shop.url)
    const payload = orderPayload([{ sku: 'MUG-STONE', quantity: 1 }])
    await request(buyer.socket, 'order:place', payload)

    const other = await request(buyer.socket, 'order:place', {
      ...payload, items: [{ sku: 'MUG-STONE', quantity: 2 }],
    })

    expect(other.error.code).toBe('conflict')
  })

  it('with feedInAnswer, answers with the feed events and pushes them to the other devices only', async () => {
    const shop = await startTestShop()
    const buyer = await buyerSocket(shop.url)
    const phone = await connect<BuyerSocket>(shop.url, '/buyer', { token: buyer.token })
    const merchant = await merchantSocket(shop.url)
    const own = [collect<any>(buyer.socket, 'trading:info'), collect<any>(buyer.socket, 'trading:processing')]
    const phoneInfos = collect<any>(phone, 'trading:info')
    const phoneUpdates = collect<any>(phone, 'trading:processing')
    const payload = { ...orderPayload([{ sku: 'MUG-STONE', quantity: 1 }]), feedInAnswer: true }

    const placed = await request(buyer.socket, 'order:place', payload)
    expect(placed).toMatchObject({
      ok: true,
      feed: { info: 1, processing: 2 },
      processing: {
        tradingId: placed.trading.tradingId,
        order: { status: 'accepted' },
        contentsDigest: contentsDigest(placed.trading),
      },
    })
    expect(await phoneInfos.atLeast(1)).toEqual([{ seq: 1, trading: placed.trading }])
    expect(await phoneUpdates.atLeast(1)).toEqual([{ seq: 2, processing: placed.processing }])

    // Later changes reach every device; the replayed order answers without
    // feed events (they were given the first time) and pushes nothing.
    const replay = await request(buyer.socket, 'order:place', payload)
    expect(replay).toEqual({ ok: true, trading: placed.trading })
    await request(merchant, 'order:advance', {
      tradingId: placed.trading.tradingId, track: 'order', to: 'in_preparation',
    })
    expect((await own[1]!.atLeast(1)).map((u) => u.seq)).toEqual([3])
    expect((await phoneUpdates.atLeast(2)).map((u) => u.seq)).toEqual([2, 3])
    expect(own[0]!.seen).toEqual([])

    // With the only device the one that ordered, nothing is pushed at all.
    phone.disconnect()
    const second = await request(buyer.socket, 'order:place',
      { ...orderPayload([{ sku: 'MUG-STONE', quantity: 1 }]), feedInAnswer: true })
    expect(second.feed).toEqual({ info: 4, processing: 5 })
    await request(merchant, 'order:advance', {
      tradingId: second.trading.tradingId, track: 'order', to: 'in_preparation',
    })
    expect((await own[1]!.atLeast(2)).map((u) => u.seq)).toEqual([3, 6])
  })

  it('acknowledges before it pushes', async () => {
    const shop = await startTestShop()
    const buyer = await buyerSocket(shop.url)
    const merchant = await merchantSocket(shop.url)
    const seen: string[] = []
    buyer.socket.on('trading:info', () => seen.push('push'))
    merchant.on('order:changed', () => seen.push('merchant push'))
    const pushed = collect<any>(buyer.socket, 'trading:processing')
    // Callbacks, not promises: they run the moment the answer arrives.
    const emit = (socket: any, event: string, payload: unknown, label: string) =>
      new Promise<any>((resolve) =>
        socket.emit(event, payload, (res: any) => {
          seen.push(label)
          resolve(res)
        }),
      )

    const placed = await emit(buyer.socket, 'order:place',
      orderPayload([{ sku: 'MUG-STONE', quantity: 1 }]), 'ack')
    await emit(merchant, 'order:advance', {
      tradingId: placed.trading.tradingId, track: 'order', to: 'in_preparation',
    }, 'merchant ack')
    await pushed.atLeast(2)

    expect(seen.indexOf('ack')).toBeLessThan(seen.indexOf('push'))
    expect(seen.lastIndexOf('merchant ack')).toBeLessThan(seen.lastIndexOf('merchant push'))
  })

  it('gives the last unit to exactly one of two racing buyers', async () => {
    const shop = await startTestShop()
    const merchant = await merchantSocket(shop.url)
    await request(merchant, 'catalog:upsert', {
      sku: 'LAST-ONE', name: 'Last one', priceMinor: 100, currency: 'EUR', stock: 1,
    })
    const buyers = await Promise.all([buyerSocket(shop.url), buyerSocket(shop.url)])

    const results = await Promise.all(
      buyers.map((b) =>
        request(b.socket, 'order:place', orderPayload([{ sku: 'LAST-ONE', quantity: 1 }])),
      ),
    )

    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.find((r) => !r.ok).error.code).toBe('out_of_stock')
  })

  it('refuses unknown products and missing stock without changing anything', async () => {
    const shop = await startTestShop()
    const buyer = await buyerSocket(shop.url)

    const unknown = await request(buyer.socket, 'order:place',
      orderPayload([{ sku: 'MUG-STONE', quantity: 1 }, { sku: 'NOPE', quantity: 1 }]))
    const tooMany = await request(buyer.socket, 'order:place',
      orderPayload([{ sku: 'GRD-HAND', quantity: 6 }]))

    expect(unknown.error.code).toBe('unknown_product')
    expect(tooMany.error.code).toBe('out_of_stock')
    const { products } = await request(buyer.socket, 'catalog:list', {})
    expect(products.find((p: any) => p.sku === 'MUG-STONE').stock).toBe(30)
    const sync = await request(buyer.socket, 'feed:sync', { after: 0 })
    expect(sync).toEqual({ ok: true, events: [], lastSeq: 0 })
  })

  it('refuses an order priced in two currencies, after checking every line', async () => {
    const shop = await startTestShop()
    const merchant = await merchantSocket(shop.url)
    await request(merchant, 'catalog:upsert', {
      sku: 'USD-ONE', name: 'Priced in dollars', priceMinor: 100, currency: 'USD', stock: 3,
    })
    const buyer = await buyerSocket(shop.url)

    const mixed = await request(buyer.socket, 'order:place',
      orderPayload([{ sku: 'MUG-STONE', quantity: 1 }, { sku: 'USD-ONE', quantity: 1 }]))
    const mixedAndShort = await request(buyer.socket, 'order:place',
      orderPayload([{ sku: 'MUG-STONE', quantity: 1 }, { sku: 'USD-ONE', quantity: 4 }]))
    const dollars = await request(buyer.socket, 'order:place',
      orderPayload([{ sku: 'USD-ONE', quantity: 1 }, { sku: 'USD-ONE', quantity: 2 }]))

    expect(mixed.error.code).toBe('invalid_request')
    expect(mixedAndShort.error.code).toBe('out_of_stock')
    expect(dollars.ok).toBe(true)
    expect(dollars.trading).toMatchObject({ currency: 'USD', totalMinor: 300 })
    const { products } = await request(buyer.socket, 'catalog:list', {})
    expect(products.find((p: any) => p.sku === 'MUG-STONE').stock).toBe(30)
    expect(products.find((p: any) => p.sku === 'USD-ONE').stock).toBe(0)
  })

  it('puts the stock of a cancelled order back', async () => {
    const shop = await startTestShop()
    const buyer = await buyerSocket(shop.url)
    const merchant = await merchantSocket(shop.url)
    const placed = await request(buyer.socket, 'order:place',
      orderPayload([{ sku: 'GRD-HAND', quantity: 5 }]))
    const { tradingId } = placed.trading
    const before = await request(buyer.socket, 'catalog:list', {})
    expect(before.products.find((p: any) => p.sku === 'GRD-HAND').stock).toBe(0)

    for (const [track, to] of [
      ['order', 'cancelled'], ['delivery', 'cancelled'], ['payment', 'failed'],
    ]) {
      const res = await request(merchant, 'order:advance', { tradingId, track, to })
      expect(res.ok, `${track} → ${to}`).toBe(true)
    }

    const after = await request(buyer.socket, 'catalog:list', {})
    expect(after.products.find((p: any) => p.sku === 'GRD-HAND').stock).toBe(5)
    const closed = await request(merchant, 'orders:list', { state: 'closed' })
    expect(closed.trades.map((t: any) => t.trading.tradingId)).toEqual([tradingId])
  })
})
