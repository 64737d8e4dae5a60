import { afterAll, describe, expect, it } from 'vitest'
import { MAX_MESSAGE_BYTES } from '../../server/shop-server.js'
import {
  PASSWORD,
  buyerSocket,
  closeAll,
  connect,
  orderPayload,
  post,
  registerBuyer,
  request,
  startTestShop,
  type BuyerSocket,
  cleanUpAfterEach,
} from '../support/shop.js'
import { report } from '../support/report.js'

cleanUpAfterEach()

let tried = 0
afterAll(() => {
  report('limits', { iterations: tried, inputsTried: tried, crashes: 0 })
})

describe('message size', () => {
  it('is 64 KiB, well below Socket.IO\'s 1 MB default', () => {
    expect(MAX_MESSAGE_BYTES).toBe(64 * 1024)
  })

  it('closes a connection that sends a larger message', async () => {
    const shop = await startTestShop()
    const { socket } = await buyerSocket(shop.url)
    const closed = new Promise<string>((r) => socket.once('disconnect', r))

    const untyped = socket as unknown as { emit: (e: string, p: object) => void }
    untyped.emit('catalog:list', { pad: 'x'.repeat(MAX_MESSAGE_BYTES + 1024) })
    tried += 1

    expect(await closed).toMatch(/transport (close|error)/)
  })

  it('answers a message just under the limit', async () => {
    const shop = await startTestShop()
    const { socket } = await buyerSocket(shop.url)

    const res = await request(socket, 'catalog:list', {
      pad: 'x'.repeat(MAX_MESSAGE_BYTES - 1024),
    })
    tried += 1

    expect(res.error.code).toBe('invalid_request')
    expect(socket.connected).toBe(true)
  })
})

describe('order placement', () => {
  it('is limited per connection with rate_limited', async () => {
    const shop = await startTestShop(undefined, 0, {
      limits: { orders: { burst: 3, perSecond: 0.001 } },
    })
    const buyer = await buyerSocket(shop.url)
    const other = await connect<BuyerSocket>(shop.url, '/buyer', { token: buyer.token })
    const place = (s: BuyerSocket) => request(s, 'order:place',
      orderPayload([{ sku: 'FLT-PAPER-100', quantity: 1 }]))

    const answers = []
    for (let i = 0; i < 4; i++) answers.push(await place(buyer.socket))
    const fresh = await place(other)
    tried += 5

    expect(answers.map((a) => a.ok)).toEqual([true, true, true, false])
    expect(answers[3].error.code).toBe('rate_limited')
    expect(fresh.ok).toBe(true)
  })
})

describe('sign-in', () => {
  it('is throttled per name, known or not, without telling which', async () => {
    const shop = await startTestShop(undefined, 0, {
      limits: { signIn: { perName: { burst: 3, perSecond: 0.001 } } },
    })
    await registerBuyer(shop.url, 'Ada')
    const attempt = (name: string, password: string) =>
      post(`${shop.url}/api/sessions`, { name, password })

    const known = []
    const unknown = []
    for (let i = 0; i < 4; i++) known.push(await attempt('Ada', 'wrong password'))
    for (let i = 0; i < 4; i++) unknown.push(await attempt('Nobody', 'wrong password'))
    const right = await attempt('ADA', PASSWORD)
    tried += 9

    expect(known.map((r) => r.status)).toEqual([401, 401, 401, 429])
    expect(unknown.map((r) => r.status)).toEqual([401, 401, 401, 429])
    expect(known[3]!.body).toEqual(unknown[3]!.body)
    expect(known[3]!.body.error.code).toBe('rate_limited')
    expect(right.status).toBe(429)
  })

  it('gives back the attempt when the password is right', async () => {
    const shop = await startTestShop(undefined, 0, {
      limits: { signIn: { perName: { burst: 2, perSecond: 0.001 } } },
    })
    await registerBuyer(shop.url, 'Grace')

    const statuses = []
    for (let i = 0; i < 4; i++) {
      const res = await post(`${shop.url}/api/sessions`,
        { name: 'Grace', password: PASSWORD })
      statuses.push(res.status)
    }
    tried += 4

    expect(statuses).toEqual([200, 200, 200, 200])
  })

  it('is throttled per address, sign-ups included, with a Retry-After', async () => {
    const shop = await startTestShop(undefined, 0, {
      limits: { signIn: { perAddress: { burst: 3, perSecond: 0.5 } } },
    })
    const statuses = []
    let retryAfter: string | null = null
    for (let i = 0; i < 4; i++) {
      const res = await fetch(`${shop.url}/api/buyers`, {
        method: 'POST',
        body: JSON.stringify({ name: `spray-${i}`, password: 'long enough' }),
      })
      statuses.push(res.status)
      retryAfter = res.headers.get('retry-after')
    }
    tried += 4

    expect(statuses).toEqual([201, 201, 201, 429])
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1)
  })

  it('takes about as long for an unknown name as for a wrong password', async () => {
    const shop = await startTestShop(undefined, 0, {
      limits: { signIn: {
        perName: { burst: 100, perSecond: 1 },
        perAddress: { burst: 100, perSecond: 1 },
      } },
    })
    await registerBuyer(shop.url, 'Katherine')
    const timed = async (name: string) => {
      const t0 = performance.now()
      const res = await post(`${shop.url}/api/sessions`, { name, password: 'not the password' })
      expect(res.status).toBe(401)
      return performance.now() - t0
    }
    // The decoy hash is made once, on first use.
    await timed('warm-up')

    const known: number[] = []
    const unknown: number[] = []
    for (let i = 0; i < 8; i++) {
      known.push(await timed('Katherine'))
      unknown.push(await timed(`Nobody-${i}`))
    }
    tried += 17

    const ratio = median(unknown) / median(known)
    expect(ratio).toBeGreaterThan(0.5)
    expect(ratio).toBeLessThan(2)
  })
})

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]!
}
