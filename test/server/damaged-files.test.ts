import { cp, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEFAULT_SHOP_SETTINGS } from '../../shared/protocol/settings.js'
import { captureLog, ERROR, WARN } from '../support/log-capture.js'
import {
  buyerSocket,
  closeAll,
  connect,
  merchantSocket,
  orderPayload,
  request,
  startTestShop,
  type BuyerSocket,
  cleanUpAfterEach,
} from '../support/shop.js'
import { tempDir } from '../support/temp-dir.js'

cleanUpAfterEach()

const HOUR = 3_600_000

// Ways a file can be found at start: empty, cut short, or not ours.
const DAMAGE: Array<[string, (text: string) => string]> = [
  ['empty', () => ''],
  ['truncated', (text) => text.slice(0, Math.floor(text.length / 2))],
  ['garbage', () => '\u0000\u00ff{{not json at all'],
]

// A shop with one buyer holding one trade, stopped cleanly so every file
// is written and the journal is empty.
async function stoppedShop() {
  const dir = await tempDir('shop')
  const shop = await startTestShop(dir)
  const buyer = await buyerSocket(shop.url)
  const placed = await request(buyer.socket, 'order:place',
    orderPayload([{ sku: 'MUG-STONE', quantity: 2 }]))
  await closeAll()
  return { dir, buyer, tradingId: placed.trading.tradingId as string }
}

// The data folder as a crash would leave it right now: every
// acknowledged change is on disk, in the journal, not yet in the files.
async function crashCopy(dir: string): Promise<string> {
  const copy = await tempDir('crash')
  await cp(dir, copy, { recursive: true })
  return copy
}

async function damage(path: string, how: (text: string) => string) {
  const original = await readFile(path, 'utf8')
  const damaged = how(original)
  await writeFile(path, damaged)
  return damaged
}

async function setAsideCopies(folder: string, name: string) {
  const names = await readdir(folder)
  return names.filter((n) => n.startsWith(`${name}.corrupt-`))
    .map((n) => join(folder, n))
}

async function restart(dir: string) {
  const { logger, lines } = captureLog()
  const shop = await startTestShop(dir, 0, { logger, checkpointEveryMs: HOUR })
  const merchant = await merchantSocket(shop.url)
  return { shop, merchant, lines }
}

describe.each(DAMAGE)('a shop whose file is %s', (_how, how) => {
  it('sets a damaged catalog aside and rebuilds sold products with stock 0', async () => {
    const { dir } = await stoppedShop()
    const damaged = await damage(join(dir, 'catalog.json'), how)

    const { merchant, lines } = await restart(dir)

    const [aside] = await setAsideCopies(dir, 'catalog.json')
    expect(await readFile(aside!, 'utf8')).toBe(damaged)
    const { products } = await request(merchant, 'catalog:list', {})
    expect(products).toEqual([{
      sku: 'MUG-STONE', name: 'Stoneware mug, 350 ml', priceMinor: 1800,
      currency: 'EUR', stock: 0,
    }])
    expect(lines.some((l) => l.level === ERROR && /catalog\.json/.test(l.msg))).toBe(true)
  })

  it('sets a damaged checkpoint aside and loses nothing', async () => {
    const { dir, buyer, tradingId } = await stoppedShop()
    await damage(join(dir, 'checkpoint.json'), how)

    const { shop, merchant, lines } = await restart(dir)

    const { trades } = await request(merchant, 'orders:list', {})
    expect(trades.map((t: any) => t.trading.tradingId)).toEqual([tradingId])
    const again = await connect<BuyerSocket>(shop.url, '/buyer', { token: buyer.token })
    expect((await request(again, 'feed:sync', { after: 0 })).lastSeq).toBe(2)
    expect(lines.some((l) => l.level === WARN && /checkpoint\.json/.test(l.msg))).toBe(true)
  })

  it('keeps a damaged buyer aside and starts without that buyer', async () => {
    const { dir, buyer } = await stoppedShop()
    const path = join(dir, 'buyers', `${buyer.buyerId}.json`)
    const damaged = await damage(path, how)

    const { shop, merchant, lines } = await restart(dir)

    const [aside] = await setAsideCopies(join(dir, 'buyers'), `${buyer.buyerId}.json`)
    expect(await readFile(aside!, 'utf8')).toBe(damaged)
    expect((await request(merchant, 'orders:list', {})).trades).toEqual([])
    await expect(connect(shop.url, '/buyer', { token: buyer.token }))
      .rejects.toThrow('unauthorized')
    const loud = lines.find((l) => l.level === ERROR && l.msg.includes(buyer.buyerId))
    expect(loud?.msg).toContain('missing')
  })

  it('rebuilds a damaged buyer whole when the journal still covers it', async () => {
    const dir = await tempDir('shop')
    const first = await startTestShop(dir, 0, { checkpointEveryMs: HOUR })
    const buyer = await buyerSocket(first.url)
    const placed = await request(buyer.socket, 'order:place',
      orderPayload([{ sku: 'MUG-STONE', quantity: 1 }]))
    const feed = await request(buyer.socket, 'feed:sync', { after: 0 })
    const crashed = await crashCopy(dir)
    await writeFile(join(crashed, 'buyers', `${buyer.buyerId}.json`), how('{}'))

    const { shop, lines } = await restart(crashed)

    const again = await connect<BuyerSocket>(shop.url, '/buyer', { token: buyer.token })
    expect(await request(again, 'feed:sync', { after: 0 })).toEqual(feed)
    expect(feed.events[0].trading.tradingId).toBe(placed.trading.tradingId)
    expect(lines.some((l) => l.level === WARN && /rebuilt/.test(l.msg))).toBe(true)
  })

  it('sets damaged settings aside, says so, and applies the default rules', async () => {
    const dir = await tempDir('shop')
    const first = await startTestShop(dir)
    const own = { ...first.shop.settings(), lowStock: { threshold: 7, perSku: {} } }
    await first.shop.saveSettings(own)
    await closeAll()
    const damaged = await damage(join(dir, 'settings.json'), how)

    const { shop, lines } = await restart(dir)

    expect(shop.shop.settings()).toEqual(DEFAULT_SHOP_SETTINGS)
    const [aside] = await setAsideCopies(dir, 'settings.json')
    expect(await readFile(aside!, 'utf8')).toBe(damaged)
    expect(lines.some((l) => l.level === WARN && /settings\.json/.test(l.msg))).toBe(true)
  })

  it('makes a new merchant key when merchant.json is damaged', async () => {
    const dir = await tempDir('shop')
    const first = await startTestShop(dir, 0, { merchantKey: '' })
    const oldKey = first.merchantKey
    await closeAll()
    const damaged = await damage(join(dir, 'merchant.json'), how)

    const { logger, lines } = captureLog()
    const second = await startTestShop(dir, 0, { merchantKey: '', logger })

    expect(second.merchantKey).not.toBe(oldKey)
    const [aside] = await setAsideCopies(dir, 'merchant.json')
    expect(await readFile(aside!, 'utf8')).toBe(damaged)
    await expect(merchantSocket(second.url, oldKey)).rejects.toThrow('unauthorized')
    await merchantSocket(second.url, second.merchantKey)
    expect(lines.some((l) => l.level === ERROR && /merchant\.json/.test(l.msg))).toBe(true)
  })
})

describe('a damaged journal', () => {
  async function crashedWithTwoOrders() {
    const dir = await tempDir('shop')
    const first = await startTestShop(dir, 0, { checkpointEveryMs: HOUR })
    await first.shop.store.checkpoint()
    const buyer = await buyerSocket(first.url)
    const one = await request(buyer.socket, 'order:place',
      orderPayload([{ sku: 'MUG-STONE', quantity: 1 }]))
    const two = await request(buyer.socket, 'order:place',
      orderPayload([{ sku: 'TEA-SEN-100', quantity: 1 }]))
    const crashed = await crashCopy(dir)
    const folder = join(crashed, 'journal')
    const [segment] = (await readdir(folder)).filter((n) => n.endsWith('.log'))
    return { crashed, folder, segment: join(folder, segment!), one, two }
  }

  it('starts from the records before damage and keeps the segment aside', async () => {
    const { crashed, folder, segment, one } = await crashedWithTwoOrders()
    const lines = (await readFile(segment, 'utf8')).split('\n')
    // The last trade record is garbled; the line after it stays.
    const at = lines.findLastIndex((l) => l.includes('"t":"trade"'))
    lines[at] = '{"t":"trade","lsn":'
    const damaged = lines.join('\n')
    await writeFile(segment, damaged)

    const { merchant, lines: log } = await restart(crashed)

    const { trades } = await request(merchant, 'orders:list', {})
    expect(trades.map((t: any) => t.trading.tradingId)).toEqual([one.trading.tradingId])
    const aside = (await readdir(folder)).filter((n) => n.includes('.damaged-'))
    expect(aside).toHaveLength(1)
    expect(await readFile(join(folder, aside[0]!), 'utf8')).toBe(damaged)
    expect(log.some((l) => l.level === ERROR && /damaged at line/.test(l.msg))).toBe(true)
  })

  it('cuts off a torn last line quietly and keeps every acknowledged record', async () => {
    const { crashed, segment, one, two } = await crashedWithTwoOrders()
    await writeFile(segment, `${await readFile(segment, 'utf8')}{"t":"mo`)

    const { merchant } = await restart(crashed)

    const { trades } = await request(merchant, 'orders:list', {})
    expect(trades.map((t: any) => t.trading.tradingId).sort())
      .toEqual([one.trading.tradingId, two.trading.tradingId].sort())
  })

  it('starts on an empty segment file', async () => {
    const { crashed, folder, one, two } = await crashedWithTwoOrders()
    await writeFile(join(folder, '999999999999.log'), '')

    const { merchant } = await restart(crashed)

    expect((await request(merchant, 'orders:list', {})).trades).toHaveLength(2)
    expect([one.ok, two.ok]).toEqual([true, true])
  })
})

describe('requestIds that name Object members', () => {
  it.each(['__proto__', 'constructor', 'hasOwnProperty'])(
    'places one order for requestId %s and replays it after a restart',
    async (requestId) => {
      const dir = await tempDir('shop')
      const shop = await startTestShop(dir)
      const buyer = await buyerSocket(shop.url)
      const payload = { ...orderPayload([{ sku: 'MUG-STONE', quantity: 1 }]), requestId }

      const placed = await request(buyer.socket, 'order:place', payload)
      const again = await request(buyer.socket, 'order:place', payload)
      await closeAll()
      const second = await startTestShop(dir)
      const back = await connect<BuyerSocket>(second.url, '/buyer', { token: buyer.token })
      const later = await request(back, 'order:place', payload)

      expect(placed.ok).toBe(true)
      expect(again.trading).toEqual(placed.trading)
      expect(later.trading).toEqual(placed.trading)
      expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    },
  )
})
