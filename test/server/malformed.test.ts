import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BUYER_REQUESTS, MERCHANT_REQUESTS } from '../../shared/protocol/index.js'
import {
  buyerSocket,
  closeAll,
  merchantSocket,
  request,
  startTestShop,
  type BuyerSocket,
  type MerchantSocket,
} from '../support/shop.js'
import { removeTempDirs } from '../support/temp-dir.js'

let buyer: BuyerSocket
let merchant: MerchantSocket

beforeAll(async () => {
  const shop = await startTestShop()
  buyer = (await buyerSocket(shop.url)).socket
  merchant = await merchantSocket(shop.url)
})
afterAll(async () => {
  await closeAll()
  await removeTempDirs()
})

const BAD: unknown[] = [
  undefined,
  null,
  42,
  'text',
  [],
  { extra: true },
  { __proto__: { polluted: true } },
  JSON.parse('{"__proto__": {"polluted": true}}'),
  { constructor: { prototype: { polluted: true } } },
]

const SPECIFIC: Record<string, unknown[]> = {
  'order:place': [
    { requestId: 'short', items: [{ sku: 'MUG-STONE', quantity: 1 }], shipTo: { name: 'a', address: 'b' }, payment: { method: 'card' } },
    { requestId: 'request-0001', items: [{ sku: 'MUG-STONE', quantity: 0 }], shipTo: { name: 'a', address: 'b' }, payment: { method: 'card' } },
    { requestId: 'request-0002', items: [{ sku: 'MUG-STONE', quantity: 1.5 }], shipTo: { name: 'a', address: 'b' }, payment: { method: 'card' } },
    { requestId: 'request-0003', items: [], shipTo: { name: 'a', address: 'b' }, payment: { method: 'card' } },
    { requestId: 'request-0004', items: [{ sku: 'MUG-STONE', quantity: 1 }], shipTo: { name: '', address: 'b' }, payment: { method: 'card' } },
    { requestId: 'request-0005', items: [{ sku: 'MUG-STONE', quantity: 1 }], shipTo: { name: 'a', address: 'b' }, payment: { method: 'gold' } },
    { requestId: 'request-0006', items: [{ sku: 'MUG-STONE', quantity: 1, priceMinor: 1 }], shipTo: { name: 'a', address: 'b' }, payment: { method: 'card' } },
  ],
  'feed:sync': [{ after: -1 }, { after: 'x' }, { after: 0, limit: 10_000 }, { after: Number.NaN }],
  'order:advance': [
    { tradingId: 'nope', track: 'order', to: 'ready' },
    { tradingId: 'T-01ARZ3NDEKTSV4RRFFQ69G5FAV', track: 'shipping', to: 'ready' },
  ],
  'catalog:upsert': [
    { sku: 'A', name: 'a', priceMinor: -1, currency: 'EUR', stock: 1 },
    { sku: 'A', name: 'a', priceMinor: 1, currency: 'euro', stock: 1 },
    { sku: 'A', name: 'a', priceMinor: 1, currency: 'EUR', stock: 1e12 },
  ],
  'drill:mismatch': [{ buyerId: 'someone' }],
}

function cases(
  events: Record<string, { safeParse: (v: unknown) => { success: boolean } }>,
  nsp: 'buyer' | 'merchant',
) {
  return Object.keys(events).flatMap((event) =>
    [...BAD, ...(SPECIFIC[event] ?? [])]
      // An empty object is a valid payload for the list requests and for
      // key:rotate (which the payloads above reach as {}).
      .filter((p) => !(events[event]!.safeParse({}).success && isEmptyObject(p)))
      .map((payload) => [nsp, event, payload] as const),
  )
}

function isEmptyObject(p: unknown) {
  return p != null && typeof p === 'object' && !Array.isArray(p) && Object.keys(p).length === 0
}

describe('malformed payloads', () => {
  it.each([...cases(BUYER_REQUESTS, 'buyer'), ...cases(MERCHANT_REQUESTS, 'merchant')])(
    '%s %s answers invalid_request for %o',
    async (nsp, event, payload) => {
      const socket = nsp === 'buyer' ? buyer : merchant
      const res = await request(socket, event, payload)
      expect(res.ok).toBe(false)
      expect(res.error.code).toBe('invalid_request')
      expect(({} as any).polluted).toBeUndefined()
    },
  )

  it('keeps serving and stored nothing from them', async () => {
    const catalog = await request(buyer, 'catalog:list', {})
    expect(catalog.ok).toBe(true)
    expect(catalog.products.map((p: any) => p.sku)).not.toContain('A')
    expect(await request(buyer, 'feed:sync', { after: 0 })).toEqual({
      ok: true, events: [], lastSeq: 0,
    })
    expect((await request(merchant, 'orders:list', {})).trades).toEqual([])
  })

  it('answers a request with two payloads as invalid', async () => {
    const untyped = buyer as unknown as MerchantSocket
    const res = await (untyped as any).timeout(2000).emitWithAck('catalog:list', {}, {})
    expect(res.error.code).toBe('invalid_request')
  })
})
