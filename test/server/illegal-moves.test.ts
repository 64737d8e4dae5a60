import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  buyerSocket,
  closeAll,
  merchantSocket,
  orderPayload,
  request,
  startTestShop,
  type MerchantSocket,
  type BuyerSocket,
} from '../support/shop.js'
import { removeTempDirs } from '../support/temp-dir.js'

let merchant: MerchantSocket
let buyer: BuyerSocket

beforeAll(async () => {
  const shop = await startTestShop()
  merchant = await merchantSocket(shop.url)
  buyer = (await buyerSocket(shop.url)).socket
})
afterAll(async () => {
  await closeAll()
  await removeTempDirs()
})

type Move = { track: string; to: string; carrier?: string; trackingNo?: string }
const ship = { track: 'delivery', to: 'shipped', carrier: 'UPS', trackingNo: '1Z' }
const toReady: Move[] = [
  { track: 'order', to: 'in_preparation' },
  { track: 'order', to: 'ready' },
]

// Each case: moves that set the trade up, then the move that must fail.
const CASES: Array<[string, Move[], Move]> = [
  ['a status that does not exist', [], { track: 'order', to: 'shipped' }],
  ['skipping a step', [], { track: 'order', to: 'ready' }],
  ['moving backwards', toReady, { track: 'order', to: 'in_preparation' }],
  ['shipping before ready', [], ship],
  ['shipping without tracking', toReady, { track: 'delivery', to: 'shipped' }],
  ['delivering before shipping', toReady, { track: 'delivery', to: 'delivered' }],
  ['cancelling after shipping', [...toReady, ship], { track: 'order', to: 'cancelled' }],
  ['completing before delivery', toReady, { track: 'order', to: 'completed' }],
  ['refunding before capture', [], { track: 'payment', to: 'refunded' }],
  ['voiding a pending payment', [], { track: 'payment', to: 'voided' }],
  ['cancelling a delivery of a live order', [], { track: 'delivery', to: 'cancelled' }],
  ['capturing for a cancelled order', [{ track: 'order', to: 'cancelled' }],
    { track: 'payment', to: 'captured' }],
  ['moving a closed trade', [
    { track: 'order', to: 'cancelled' },
    { track: 'delivery', to: 'cancelled' },
    { track: 'payment', to: 'failed' },
  ], { track: 'payment', to: 'refunded' }],
]

describe('order:advance', () => {
  it.each(CASES)('refuses %s and changes nothing', async (_why, setup, move) => {
    const placed = await request(buyer, 'order:place',
      orderPayload([{ sku: 'FLT-PAPER-100', quantity: 1 }]))
    const { tradingId } = placed.trading
    for (const m of setup) {
      expect((await request(merchant, 'order:advance', { tradingId, ...m })).ok).toBe(true)
    }
    const before = await tradeOf(tradingId)

    const res = await request(merchant, 'order:advance', { tradingId, ...move })

    expect(res.ok).toBe(false)
    expect(['illegal_transition', 'invalid_request']).toContain(res.error.code)
    expect(await tradeOf(tradingId)).toEqual(before)
  })

  it('answers not_found for a trade that does not exist', async () => {
    const res = await request(merchant, 'order:advance', {
      tradingId: 'T-01ARZ3NDEKTSV4RRFFQ69G5FAV', track: 'order', to: 'in_preparation',
    })
    expect(res.error.code).toBe('not_found')
  })
})

async function tradeOf(tradingId: string) {
  const { trades } = await request(merchant, 'orders:list', {})
  return trades.find((t: any) => t.trading.tradingId === tradingId)
}
