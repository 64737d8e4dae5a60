import { io } from 'socket.io-client'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { report } from '../support/report.js'
import { captureLog, WARN } from '../support/log-capture.js'
import {
  closeAll,
  MERCHANT_KEY,
  registerBuyer,
  startTestShop,
} from '../support/shop.js'
import { removeTempDirs } from '../support/temp-dir.js'

let tried = 0
afterEach(async () => {
  tried += 1
  await closeAll()
  await removeTempDirs()
})
afterAll(() => {
  report('origins', { iterations: tried, inputsTried: tried, crashes: 0 })
})

type Transport = 'websocket' | 'polling'

// Resolves with 'connected' or the connect error's message.
function tryConnect(
  url: string,
  nsp: string,
  auth: Record<string, string>,
  origin: string | null,
  transport: Transport = 'websocket',
): Promise<string> {
  const socket = io(`${url}${nsp}`, {
    auth,
    transports: [transport],
    reconnection: false,
    forceNew: true,
    extraHeaders: origin == null ? {} : { origin },
  })
  return new Promise((resolve) => {
    socket.once('connect', () => {
      socket.disconnect()
      resolve('connected')
    })
    socket.once('connect_error', (err) => {
      socket.disconnect()
      resolve(err.message)
    })
  })
}

const merchant = { merchantKey: MERCHANT_KEY }

describe('web origins', () => {
  it.each(['websocket', 'polling'] as const)(
    'refuses a %s from a foreign web page',
    async (transport) => {
      const shop = await startTestShop()
      const result = await tryConnect(shop.url, '/merchant', merchant,
        'http://evil.example', transport)
      expect(result).not.toBe('connected')
    },
  )

  it.each([
    ['a native client (no Origin)', null],
    ['the shop\'s own origin', 'own'],
    ['localhost on the shop\'s port', 'localhost'],
  ])('lets in %s', async (_who, which) => {
    const shop = await startTestShop()
    const origin = which === 'own'
      ? shop.url
      : which === 'localhost' ? `http://localhost:${shop.port}` : null
    expect(await tryConnect(shop.url, '/merchant', merchant, origin)).toBe('connected')
  })

  it('lets in a configured origin and no look-alike of it', async () => {
    const shop = await startTestShop(undefined, 0, {
      allowedOrigins: ['http://127.0.0.1:5173'],
    })
    const ok = await tryConnect(shop.url, '/merchant', merchant, 'http://127.0.0.1:5173')
    const alike = await tryConnect(shop.url, '/merchant', merchant,
      'http://127.0.0.1:5173.evil.example')
    expect([ok, alike === 'connected']).toEqual(['connected', false])
  })

  it('refuses sign-ups from a foreign web page with 403', async () => {
    const shop = await startTestShop()
    const res = await fetch(`${shop.url}/api/buyers`, {
      method: 'POST',
      headers: { origin: 'http://evil.example', 'content-type': 'text/plain' },
      body: JSON.stringify({ name: 'Mallory', password: 'long enough' }),
    })
    expect(res.status).toBe(403)
    expect(await res.json()).toMatchObject({ error: { code: 'unauthorized' } })
    await registerBuyer(shop.url, 'Mallory')
  })

  it('serves nothing on the main namespace', async () => {
    const shop = await startTestShop()
    expect(await tryConnect(shop.url, '/', {}, null)).toBe('unauthorized')
  })
})

describe('the listening address', () => {
  it('warns at start when the shop serves other computers', async () => {
    const { logger, lines } = captureLog()
    await startTestShop(undefined, 0, { host: '0.0.0.0', logger })
    const warning = lines.find((l) => l.level === WARN && /other computers/.test(l.msg))
    expect(warning?.host).toBe('0.0.0.0')
  })

  it('stays quiet on loopback', async () => {
    const { logger, lines } = captureLog()
    await startTestShop(undefined, 0, { logger })
    expect(lines.filter((l) => /other computers/.test(l.msg))).toEqual([])
  })
})
