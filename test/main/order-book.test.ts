import { describe, expect, it } from 'vitest'
import {
  InvalidOrderError,
  type OrderRecord,
  type OrderState,
  type TradingFileData,
} from '../../main/core/index.js'
import {
  changeOrder,
  createOrder,
  type OrderChange,
} from '../../main/core/order-book.js'
import { BUYER } from './helpers/trades.js'

const NOW = '2025-03-01T00:00:00.000Z'
const input = {
  items: [{ sku: 'MUG', quantity: 1 }],
  shipTo: { name: 'Ada', address: '1 Loop Road' },
  payment: { method: 'card' as const },
}

function fileWith(state: OrderState): {
  data: TradingFileData
  order: OrderRecord
} {
  const order = { ...createOrder(input, NOW), state }
  const data: TradingFileData = {
    version: 1, server: 'http://127.0.0.1:1', buyerId: BUYER, lastSeq: 0,
    trades: {}, orders: [order], warnings: [],
  }
  return { data, order }
}

const SENT: OrderChange = { state: 'sent' }
const PLACED: OrderChange = { state: 'placed', tradingId: 'T-1' }
const REFUSED: OrderChange = {
  state: 'refused', error: { code: 'out_of_stock', message: 'none left' },
}

describe('createOrder', () => {
  it('makes a queued order with a fresh request ID', () => {
    const a = createOrder(input, NOW)
    const b = createOrder(input, NOW)

    expect(a).toMatchObject({ state: 'queued', createdAt: NOW })
    expect(a.requestId).toMatch(/^r-[0-9A-Z]{26}$/)
    expect(a.request.requestId).toBe(a.requestId)
    expect(b.requestId).not.toBe(a.requestId)
  })

  it('refuses an order the shop would refuse as invalid', () => {
    const bad = { ...input, items: [] }

    expect(() => createOrder(bad, NOW)).toThrow(InvalidOrderError)
  })
})

describe('changeOrder', () => {
  it.each([
    ['queued', SENT, true],
    ['queued', PLACED, true],
    ['queued', REFUSED, true],
    ['sent', SENT, false],
    ['sent', PLACED, true],
    ['sent', REFUSED, true],
    ['placed', SENT, false],
    ['placed', PLACED, false],
    ['placed', REFUSED, false],
    ['refused', SENT, false],
    ['refused', PLACED, false],
  ] as const)('from %s to %o moves: %s', (from, change, moves) => {
    const { data, order } = fileWith(from)

    const changed = changeOrder(data, order.requestId, change, NOW)

    expect(changed != null).toBe(moves)
    expect(data.orders[0]?.state).toBe(moves ? change.state : from)
  })

  it('replaces the record instead of changing it', () => {
    const { data, order } = fileWith('sent')

    changeOrder(data, order.requestId, PLACED, NOW)

    expect(order.state).toBe('sent')
    expect(data.orders[0]).toMatchObject({ state: 'placed', tradingId: 'T-1' })
  })
})
