import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  BUYER_REQUESTS,
  MERCHANT_REQUESTS,
} from '../../shared/protocol/index.js'
import {
  MERCHANT_KEY,
  buyerSocket,
  closeAll,
  collect,
  connect,
  merchantSocket,
  orderPayload,
  request,
  startTestShop,
  type BuyerSocket,
  type MerchantSocket,
} from '../support/shop.js'
import { report } from '../support/report.js'
import { removeTempDirs } from '../support/temp-dir.js'

// Alice's identifiers (trading IDs, requestIds, feed positions, her
// buyerId and token) handed to Bob in every request he can make: none of
// it may show him or change anything of hers.

interface Holder {
  buyerId: string
  token: string
  socket: BuyerSocket
  tradingIds: string[]
  requests: ReturnType<typeof orderPayload>[]
}

let url: string
let merchant: MerchantSocket
let alice: Holder
let bob: Holder
let bobPushes: ReturnType<typeof collect<{ trading?: any; processing?: any }>>[]
let aliceBefore: unknown
let tried = 0

async function holder(): Promise<Holder> {
  const b = await buyerSocket(url)
  const h: Holder = { ...b, tradingIds: [], requests: [] }
  for (const sku of ['MUG-STONE', 'TEA-SEN-100']) {
    const payload = orderPayload([{ sku, quantity: 1 }])
    const placed = await request(b.socket, 'order:place', payload)
    h.tradingIds.push(placed.trading.tradingId)
    h.requests.push(payload)
  }
  await request(merchant, 'order:advance', {
    tradingId: h.tradingIds[0], track: 'order', to: 'in_preparation',
  })
  return h
}

async function alicesTrades() {
  const { trades } = await request(merchant, 'orders:list', {})
  return trades.filter((t: any) => t.trading.buyerId === alice.buyerId)
}

beforeAll(async () => {
  const shop = await startTestShop()
  url = shop.url
  merchant = await merchantSocket(url)
  alice = await holder()
  bob = await holder()
  bobPushes = [collect(bob.socket, 'trading:info'), collect(bob.socket, 'trading:processing')]
  aliceBefore = await alicesTrades()
})

afterAll(async () => {
  report('isolation', { iterations: tried, inputsTried: tried, crashes: 0 })
  await closeAll()
  await removeTempDirs()
})

function mentionsAlice(value: unknown): boolean {
  const text = JSON.stringify(value) ?? ''
  return [alice.buyerId, ...alice.tradingIds].some((id) => text.includes(id))
}

describe('another buyer\'s feed positions', () => {
  it('show Bob only his own events, whatever position he asks from', async () => {
    const { lastSeq } = await request(alice.socket, 'feed:sync', { after: 0 })
    const own = (await request(bob.socket, 'feed:sync', { after: 0 })).lastSeq
    for (let after = 0; after <= lastSeq + own + 2; after++) {
      for (const limit of [1, 2, 500]) {
        const page = await request(bob.socket, 'feed:sync', { after, limit })
        tried += 1
        expect(mentionsAlice(page)).toBe(false)
        expect(page.lastSeq).toBe(own)
      }
    }
  })
})

describe('another buyer\'s requestIds', () => {
  it('place Bob\'s own order, never return or refuse with hers', async () => {
    const [first, second] = alice.requests
    // One of hers with other contents (a conflict would tell Bob it is
    // taken), one with exactly her contents (a replay would hand him her
    // trade).
    const other = await request(bob.socket, 'order:place', {
      ...first!, shipTo: { name: 'Bob', address: 'Elsewhere 2' },
    })
    const same = await request(bob.socket, 'order:place', second)
    tried += 2
    for (const answer of [other, same]) {
      expect(answer.ok).toBe(true)
      expect(answer.trading.buyerId).toBe(bob.buyerId)
      expect(mentionsAlice(answer)).toBe(false)
    }
  })
})

describe('another buyer\'s trading IDs', () => {
  it.each(Object.keys(BUYER_REQUESTS))('are refused inside %s', async (event) => {
    for (const field of ['tradingId', 'buyerId']) {
      const value = field === 'buyerId' ? alice.buyerId : alice.tradingIds[0]
      const answer = await request(bob.socket, event, { after: 0, [field]: value })
      tried += 1
      expect(answer.error.code).toBe('invalid_request')
      expect(mentionsAlice(answer)).toBe(false)
    }
  })

  it.each(Object.keys(MERCHANT_REQUESTS))(
    'cannot reach %s from the buyer namespace',
    async (event) => {
      for (const tradingId of alice.tradingIds) {
        const answer = await request(bob.socket, event, {
          tradingId, track: 'order', to: 'cancelled', buyerId: alice.buyerId,
        })
        tried += 1
        expect(answer.error.code).toBe('invalid_request')
      }
    },
  )
})

describe('another buyer\'s identity', () => {
  it.each([
    ['her buyerId as a token', () => ({ token: alice.buyerId })],
    ['her buyerId beside a bad token', () => ({ token: 'x', buyerId: alice.buyerId })],
    ['her token with a space', () => ({ token: `${alice.token} ` })],
    ['her token cut short', () => ({ token: alice.token.slice(0, -1) })],
  ])('does not open a socket with %s', async (_why, auth) => {
    tried += 1
    await expect(connect(url, '/buyer', auth())).rejects.toThrow('unauthorized')
  })
})

describe('the merchant namespace without the key', () => {
  it.each([
    ['no key', {}],
    ['an empty key', { merchantKey: '' }],
    ['the key with a space', { merchantKey: `${MERCHANT_KEY} ` }],
    ['the key upper-cased', { merchantKey: MERCHANT_KEY.toUpperCase() }],
    ['the key cut short', { merchantKey: MERCHANT_KEY.slice(0, -1) }],
    ['a number', { merchantKey: 42 }],
    ['a list', { merchantKey: [MERCHANT_KEY] }],
    ['a buyer token', () => ({ merchantKey: bob.token })],
  ])('refuses %s', async (_why, auth) => {
    const given = typeof auth === 'function' ? auth() : auth
    tried += 1
    await expect(connect(url, '/merchant', given as never)).rejects.toThrow('unauthorized')
  })
})

describe('after all of it', () => {
  it('left Alice\'s trades as they were and pushed Bob nothing of hers', async () => {
    // Bob's own order is the signal that every earlier push has arrived.
    const placed = await request(bob.socket, 'order:place',
      orderPayload([{ sku: 'MUG-STONE', quantity: 1 }]))
    await bobPushes[0]!.atLeast(1)
    const last = await request(bob.socket, 'feed:sync', { after: 0 })
    await bobPushes[1]!.atLeast(1)
    const seenIds = bobPushes.flatMap((c) => c.seen)
      .map((p) => p.trading?.tradingId ?? p.processing?.tradingId)

    expect(placed.ok).toBe(true)
    expect(await alicesTrades()).toEqual(aliceBefore)
    expect(seenIds).toContain(placed.trading.tradingId)
    expect(seenIds.some((id) => alice.tradingIds.includes(id))).toBe(false)
    expect(mentionsAlice(last)).toBe(false)
  })
})
