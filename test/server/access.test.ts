import { io } from 'socket.io-client'
import { describe, expect, it } from 'vitest'
import {
  buyerSocket,
  closeAll,
  collect,
  connect,
  merchantSocket,
  orderPayload,
  post,
  request,
  startTestShop,
  cleanUpAfterEach,
} from '../support/shop.js'

cleanUpAfterEach()

describe('accounts over HTTP', () => {
  it('registers, refuses a taken name and signs in', async () => {
    const shop = await startTestShop()
    const creds = { name: 'Grace', password: 'hopper-1906' }

    const made = await post(`${shop.url}/api/buyers`, creds)
    const again = await post(`${shop.url}/api/buyers`, { ...creds, name: ' grace ' })
    const session = await post(`${shop.url}/api/sessions`, creds)

    expect(made.status).toBe(201)
    expect(made.body).toEqual({ buyerId: expect.stringMatching(/^B-/), token: expect.any(String) })
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'conflict' } } })
    expect(session.status).toBe(200)
    expect(session.body.buyerId).toBe(made.body.buyerId)
    expect(session.body.token).not.toBe(made.body.token)
  })

  it('answers a wrong password and an unknown name alike', async () => {
    const shop = await startTestShop()
    await post(`${shop.url}/api/buyers`, { name: 'Alan', password: 'turing-1912' })

    const wrong = await post(`${shop.url}/api/sessions`, { name: 'Alan', password: 'nope-nope-nope' })
    const unknown = await post(`${shop.url}/api/sessions`, { name: 'Nobody', password: 'turing-1912' })

    expect(wrong.status).toBe(401)
    expect(unknown.status).toBe(401)
    expect(wrong.body).toEqual(unknown.body)
  })

  it.each([
    ['not JSON', '{name:'],
    ['a missing password', { name: 'x' }],
    ['a short password', { name: 'x', password: 'short' }],
    ['an extra field', { name: 'x', password: 'long enough', admin: true }],
    ['a number for a name', { name: 42, password: 'long enough' }],
    ['an array', [1, 2]],
  ])('refuses %s with invalid_request', async (_why, body) => {
    const shop = await startTestShop()
    const res = await post(`${shop.url}/api/buyers`, body)
    expect(res).toMatchObject({ status: 400, body: { error: { code: 'invalid_request' } } })
  })

  it('reports health and 404s unknown routes', async () => {
    const shop = await startTestShop()
    expect(await (await fetch(`${shop.url}/health`)).json()).toEqual({ ok: true })
    const res = await fetch(`${shop.url}/api/nothing`)
    expect(res.status).toBe(404)
    expect(await res.json()).toMatchObject({ error: { code: 'not_found' } })
  })
})

describe('socket credentials', () => {
  it.each([
    ['/buyer', {}],
    ['/buyer', { token: 'made-up' }],
    ['/buyer', { token: 42 }],
    ['/merchant', {}],
    ['/merchant', { merchantKey: 'wrong-key-wrong-key' }],
  ])('refuses %s with %o', async (nsp, auth) => {
    const shop = await startTestShop()
    await expect(connect(shop.url, nsp, auth as never)).rejects.toThrow('unauthorized')
  })

  it('does not let a buyer token into the merchant namespace', async () => {
    const shop = await startTestShop()
    const { token } = await buyerSocket(shop.url)
    await expect(connect(shop.url, '/merchant', { merchantKey: token })).rejects.toThrow('unauthorized')
  })
})

describe('buyer isolation', () => {
  it('keeps one buyer out of another buyer\'s trades, feed and pushes', async () => {
    const shop = await startTestShop()
    const alice = await buyerSocket(shop.url)
    const bob = await buyerSocket(shop.url)
    const merchant = await merchantSocket(shop.url)
    const bobInfos = collect<any>(bob.socket, 'trading:info')
    const bobUpdates = collect<any>(bob.socket, 'trading:processing')
    const payload = orderPayload([{ sku: 'MUG-STONE', quantity: 1 }])
    const placed = await request(alice.socket, 'order:place', payload)
    await request(merchant, 'order:advance', {
      tradingId: placed.trading.tradingId, track: 'order', to: 'in_preparation',
    })
    // Bob's own order is the signal that his earlier pushes have arrived.
    const own = await request(bob.socket, 'order:place',
      orderPayload([{ sku: 'MUG-STONE', quantity: 1 }]))
    await bobUpdates.atLeast(1)

    expect(bobInfos.seen.map((i) => i.trading.tradingId)).toEqual([own.trading.tradingId])
    expect(bobUpdates.seen.map((u) => u.processing.tradingId)).toEqual([own.trading.tradingId])
    const sync = await request(bob.socket, 'feed:sync', { after: 0 })
    expect(sync.events.map((e: any) => e.seq)).toEqual([1, 2])
    expect(JSON.stringify(sync)).not.toContain(placed.trading.tradingId)
    // Alice's requestId from Bob places Bob's own order, not Alice's.
    const replay = await request(bob.socket, 'order:place', payload)
    expect(replay.trading.buyerId).toBe(bob.buyerId)
    expect(replay.trading.tradingId).not.toBe(placed.trading.tradingId)
    // The buyer namespace offers no merchant requests at all.
    const moved = await request(bob.socket, 'order:advance', {
      tradingId: placed.trading.tradingId, track: 'order', to: 'cancelled',
    })
    expect(moved.error.code).toBe('invalid_request')
    const list = await request(merchant, 'orders:list', {})
    const alices = list.trades.find((t: any) => t.trading.tradingId === placed.trading.tradingId)
    expect(alices.processing.order.status).toBe('in_preparation')
  })

  it('refuses a socket whose handshake names another buyer', async () => {
    const shop = await startTestShop()
    const alice = await buyerSocket(shop.url)
    const socket = io(`${shop.url}/buyer`, {
      auth: { token: 'x', buyerId: alice.buyerId },
      transports: ['websocket'],
      reconnection: false,
    })
    const err = await new Promise<Error>((r) => socket.once('connect_error', r))
    socket.disconnect()
    expect(err.message).toBe('unauthorized')
  })
})
