import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readBuyerFiles } from '../../server/store/buyer-files.js'
import { CatalogDoc, ShopRecord } from '../../server/store/records.js'
import { buyerShapes, merchantShapes } from '../support/fuzz-payloads.js'
import { fuzzHttp, fuzzSocket, type FuzzCount } from '../support/fuzz-run.js'
import { report } from '../support/report.js'
import {
  buyerSocket,
  closeAll,
  merchantSocket,
  orderPayload,
  request,
  startTestShop,
  type BuyerSocket,
  type MerchantSocket,
} from '../support/shop.js'
import { removeTempDirs, tempDir } from '../support/temp-dir.js'

// Property-based: generated malformed payloads for every request of both
// namespaces and every HTTP route. Runs per property; FUZZ_RUNS raises it.
const RUNS = Number(process.env.FUZZ_RUNS ?? 300)

let dir: string
let url: string
let shop: Awaited<ReturnType<typeof startTestShop>>
let buyer: BuyerSocket
let buyerId: string
let merchant: MerchantSocket
let tradingId: string
let before: { catalog: unknown; trades: unknown; feed: unknown }
const count: FuzzCount = { inputs: 0, crashes: 0 }

beforeAll(async () => {
  dir = await tempDir('fuzz')
  shop = await startTestShop(dir, 0, {
    limits: { signIn: {
      perAddress: { burst: 100_000, perSecond: 1000 },
      perName: { burst: 100_000, perSecond: 1000 },
    } },
  })
  url = shop.url
  const b = await buyerSocket(url)
  buyer = b.socket
  buyerId = b.buyerId
  merchant = await merchantSocket(url)
  const placed = await request(buyer, 'order:place',
    orderPayload([{ sku: 'MUG-STONE', quantity: 1 }]))
  tradingId = placed.trading.tradingId
  before = await snapshot()
})

afterAll(async () => {
  report('bad input (fuzz)', {
    iterations: count.inputs, inputsTried: count.inputs, crashes: count.crashes,
  })
  await closeAll()
  await removeTempDirs()
})

async function snapshot() {
  return {
    catalog: (await request(merchant, 'catalog:list', {})).products,
    trades: (await request(merchant, 'orders:list', {})).trades,
    feed: await request(buyer, 'feed:sync', { after: 0 }),
  }
}

describe('generated malformed requests', () => {
  it('to /buyer are each answered invalid_request', async () => {
    await fuzzSocket(buyer, buyerShapes(), RUNS, count)
  })

  it('to /merchant are each answered invalid_request', async () => {
    await fuzzSocket(merchant, merchantShapes(tradingId, buyerId), RUNS, count)
  })

  it('to the HTTP routes are each answered with a 4xx error', async () => {
    await fuzzHttp(url, RUNS, count)
  })

  it('changed nothing, and every stored record and file still parses', async () => {
    expect(await snapshot()).toEqual(before)
    await request(buyer, 'feed:sync', { after: 0 })
    await shop.shop.store.checkpoint()
    const journal = join(dir, 'journal')
    for (const name of await readdir(journal)) {
      const text = await readFile(join(journal, name), 'utf8')
      for (const line of text.split('\n').filter((l) => l !== '')) {
        expect(ShopRecord.safeParse(JSON.parse(line)).success, line).toBe(true)
      }
    }
    CatalogDoc.parse(JSON.parse(await readFile(join(dir, 'catalog.json'), 'utf8')))
    const buyers = join(dir, 'buyers')
    for (const name of await readdir(buyers)) {
      if (/^B-[^.]+\.json$/.test(name)) await readBuyerFiles(buyers, name)
    }
    expect(count.crashes).toBe(0)
  })
})

describe('well-formed but odd text', () => {
  it.each([
    ['right-to-left override', '\u202Eevil name'],
    ['emoji sequence', 'Ada 👩‍👩‍👧'],
    ['combining marks', 'Ade\u0301le\u0300'],
    ['zero-width and BOM', '\u200BAda\uFEFF'],
    ['astral letters', '𝕬𝖉𝖆'],
  ])('with %s is stored exactly as sent, trimmed', async (_what, name) => {
    const payload = {
      ...orderPayload([{ sku: 'FLT-PAPER-100', quantity: 1 }]),
      shipTo: { name: ` ${name} `, address: `${name}\nSecond line` },
    }
    const placed = await request(buyer, 'order:place', payload)
    expect(placed.trading.shipTo).toEqual({
      name: name.trim(), address: `${name}\nSecond line`,
    })
    const again = await request(buyer, 'order:place', payload)
    expect(again.trading).toEqual(placed.trading)
  })
})

