import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Socket } from 'socket.io-client'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { report } from '../support/report.js'
import {
  PASSWORD,
  buyerSocket,
  closeAll,
  connect,
  merchantSocket,
  post,
  request,
  startTestShop,
  type BuyerSocket,
} from '../support/shop.js'
import { removeTempDirs, tempDir } from '../support/temp-dir.js'

let tried = 0
afterEach(async () => {
  tried += 1
  await closeAll()
  await removeTempDirs()
})
afterAll(() => {
  report('sessions', { iterations: tried, inputsTried: tried, crashes: 0 })
})

const disconnected = (socket: Socket) =>
  new Promise<string>((resolve) => socket.once('disconnect', resolve))

function signOut(url: string, token: string | null) {
  return fetch(`${url}/api/sessions`, {
    method: 'DELETE',
    headers: token == null ? {} : { authorization: `Bearer ${token}` },
  })
}

describe('buyer tokens', () => {
  it('expire: new sockets are refused and open ones closed on their next request', async () => {
    let clock = Date.now()
    const shop = await startTestShop(undefined, 0, {
      now: () => clock, sessionLifetimeMs: 60_000,
    })
    const buyer = await buyerSocket(shop.url)
    const gone = disconnected(buyer.socket)

    clock += 60_001
    const answer = await request(buyer.socket, 'catalog:list', {})

    expect(answer.error.code).toBe('unauthorized')
    await gone
    await expect(connect(shop.url, '/buyer', { token: buyer.token }))
      .rejects.toThrow('unauthorized')
  })

  it('are all revoked by signing out everywhere, open sockets included', async () => {
    const shop = await startTestShop()
    const buyer = await buyerSocket(shop.url, 'Hedy')
    const second = await post(`${shop.url}/api/sessions`, { name: 'Hedy', password: PASSWORD })
    const phone = await connect<BuyerSocket>(shop.url, '/buyer', { token: second.body.token })
    const other = await buyerSocket(shop.url)
    const gone = [disconnected(buyer.socket), disconnected(phone)]

    const res = await signOut(shop.url, buyer.token)

    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ ok: true })
    await Promise.all(gone)
    for (const token of [buyer.token, second.body.token]) {
      await expect(connect(shop.url, '/buyer', { token })).rejects.toThrow('unauthorized')
    }
    expect((await request(other.socket, 'catalog:list', {})).ok).toBe(true)
    expect((await signOut(shop.url, buyer.token)).status).toBe(401)
  })

  it('stay revoked after a restart', async () => {
    const dir = await tempDir('shop')
    const shop = await startTestShop(dir)
    const buyer = await buyerSocket(shop.url)
    await signOut(shop.url, buyer.token)
    await closeAll()

    const again = await startTestShop(dir)

    await expect(connect(again.url, '/buyer', { token: buyer.token }))
      .rejects.toThrow('unauthorized')
  })

  it.each([
    ['no header', null],
    ['a made-up token', 'made-up-token'],
  ])('refuses signing out with %s', async (_why, token) => {
    const shop = await startTestShop()
    const res = await signOut(shop.url, token)
    expect(res.status).toBe(401)
    expect(await res.json()).toMatchObject({ error: { code: 'unauthorized' } })
  })
})

describe('the merchant key', () => {
  it('rotates: the old key stops working at once, open sockets included', async () => {
    const dir = await tempDir('shop')
    const shop = await startTestShop(dir, 0, { merchantKey: '' })
    const oldKey = shop.merchantKey
    const asking = await merchantSocket(shop.url, oldKey)
    const watching = await merchantSocket(shop.url, oldKey)
    const gone = [disconnected(asking), disconnected(watching)]

    const rotated = await request(asking, 'key:rotate', {})

    expect(rotated).toEqual({ ok: true, merchantKey: expect.any(String) })
    expect(rotated.merchantKey).not.toBe(oldKey)
    expect(shop.merchantKey).toBe(rotated.merchantKey)
    await Promise.all(gone)
    await expect(merchantSocket(shop.url, oldKey)).rejects.toThrow('unauthorized')
    await merchantSocket(shop.url, rotated.merchantKey)
    const stored = JSON.parse(await readFile(join(dir, 'merchant.json'), 'utf8'))
    expect(stored.merchantKey).toBe(rotated.merchantKey)
  })

  it('keeps the rotated key across a restart', async () => {
    const dir = await tempDir('shop')
    const shop = await startTestShop(dir, 0, { merchantKey: '' })
    const merchant = await merchantSocket(shop.url, shop.merchantKey)
    const { merchantKey } = await request(merchant, 'key:rotate', {})
    await closeAll()

    const again = await startTestShop(dir, 0, { merchantKey: '' })

    expect(again.merchantKey).toBe(merchantKey)
  })

  it('refuses to rotate a key given by TRADEPOST_MERCHANT_KEY', async () => {
    const shop = await startTestShop()
    const merchant = await merchantSocket(shop.url)

    const res = await request(merchant, 'key:rotate', {})

    expect(res.error.code).toBe('conflict')
    expect(res.error.message).toContain('TRADEPOST_MERCHANT_KEY')
    expect((await request(merchant, 'catalog:list', {})).ok).toBe(true)
  })
})
