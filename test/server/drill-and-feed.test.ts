import { describe, expect, it } from 'vitest'
import {
  buyerSocket,
  closeAll,
  collect,
  merchantSocket,
  orderPayload,
  request,
  startTestShop,
  cleanUpAfterEach,
} from '../support/shop.js'

cleanUpAfterEach()

describe('the mismatch drill', () => {
  it('pushes a processing update about a trade the buyer does not hold', async () => {
    const shop = await startTestShop()
    const buyer = await buyerSocket(shop.url)
    const merchant = await merchantSocket(shop.url)
    const updates = collect<any>(buyer.socket, 'trading:processing')
    const placed = await request(buyer.socket, 'order:place',
      orderPayload([{ sku: 'MUG-STONE', quantity: 1 }]))

    const drill = await request(merchant, 'drill:mismatch', { buyerId: buyer.buyerId })

    expect(drill.ok).toBe(true)
    expect(drill.tradingId).not.toBe(placed.trading.tradingId)
    const pushed = await updates.atLeast(2)
    expect(pushed[1]).toMatchObject({ seq: 3, processing: { tradingId: drill.tradingId } })
    const sync = await request(buyer.socket, 'feed:sync', { after: 2 })
    expect(sync.events).toEqual([{ type: 'trading:processing', ...pushed[1] }])
    const trades = await request(merchant, 'orders:list', {})
    expect(trades.trades).toHaveLength(1)
  })

  it('answers not_found for an unknown buyer', async () => {
    const shop = await startTestShop()
    const merchant = await merchantSocket(shop.url)
    const res = await request(merchant, 'drill:mismatch', { buyerId: 'B-01ARZ3NDEKTSV4RRFFQ69G5FAV' })
    expect(res.error.code).toBe('not_found')
  })
})

describe('feed:sync', () => {
  it('pages a long feed in order', async () => {
    const shop = await startTestShop()
    const buyer = await buyerSocket(shop.url)
    for (let i = 0; i < 6; i++) {
      await request(buyer.socket, 'order:place', orderPayload([{ sku: 'FLT-PAPER-100', quantity: 1 }]))
    }

    const seqs: number[] = []
    let after = 0
    for (;;) {
      const page = await request(buyer.socket, 'feed:sync', { after, limit: 5 })
      expect(page.lastSeq).toBe(12)
      seqs.push(...page.events.map((e: any) => e.seq))
      if (page.events.length === 0) break
      after = page.events.at(-1).seq
    }

    expect(seqs).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])
  })
})
