import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ulid } from 'ulid'
import {
  AccountError,
  ShopUnreachableError,
  registerBuyer,
  signIn,
} from '../../main/core/index.js'
import { freePort } from './helpers/proxy.js'
import { startShop } from './helpers/shop.js'

let shop: Awaited<ReturnType<typeof startShop>>
let dataDir: string

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'tradepost-test-'))
  shop = await startShop(dataDir)
})

afterAll(async () => {
  await shop.close()
  await rm(dataDir, { recursive: true, force: true })
})

const credentials = () => ({
  name: `buyer-${ulid()}`,
  password: 'a long enough secret',
})

async function failure(p: Promise<unknown>): Promise<unknown> {
  return p.then(() => new Error('expected a failure'), (err: unknown) => err)
}

describe('registerBuyer and signIn', () => {
  it('registers a buyer who can then sign in', async () => {
    const creds = credentials()

    const registered = await registerBuyer(shop.url, creds)
    const signedIn = await signIn(shop.url, creds)

    expect(registered.buyerId).toMatch(/^B-/)
    expect(signedIn.buyerId).toBe(registered.buyerId)
    expect(signedIn.token).not.toBe(registered.token)
  })

  it.each([
    ['a taken name', 'conflict', 409, async () => {
      const creds = credentials()
      await registerBuyer(shop.url, creds)
      return registerBuyer(shop.url, creds)
    }],
    ['a wrong password', 'unauthorized', 401, async () => {
      const creds = credentials()
      await registerBuyer(shop.url, creds)
      return signIn(shop.url, { ...creds, password: 'not the password' })
    }],
    ['an unknown name', 'unauthorized', 401, () =>
      signIn(shop.url, credentials())],
    ['a short password', 'invalid_request', 400, () =>
      registerBuyer(shop.url, { ...credentials(), password: 'short' })],
  ])('carries the shop\'s refusal of %s', async (_, code, status, act) => {
    const err = await failure(act())

    expect(err).toBeInstanceOf(AccountError)
    expect(err).toMatchObject({ code, status })
  })

  it('tells an unreachable shop apart from a refusal', async () => {
    const url = `http://127.0.0.1:${await freePort()}`

    const err = await failure(signIn(url, credentials()))

    expect(err).toBeInstanceOf(ShopUnreachableError)
    expect(err).toMatchObject({ code: 'unreachable', url })
  })
})
