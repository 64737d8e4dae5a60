import { cp, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { io } from 'socket.io-client'
import {
  BuyerShopClient,
  CorruptFileError,
  registerBuyer,
  tradingFileName,
} from '../../../main/core/index.js'
import type { ScenarioResult } from '../lib/scenario.js'
import { CHILD_MERCHANT_KEY, startChildShop } from '../../support/child-shop.js'
import { tempDir } from '../../support/temp-dir.js'
import { waitFor } from '../../support/wait.js'

const DAMAGE: Record<string, (text: string) => string> = {
  empty: () => '',
  truncated: (text) => text.slice(0, Math.max(1, Math.floor(text.length / 2))),
  garbage: () => '\u0000\u00ff\u00fe{{ not json',
}

type Target = (dir: string) => Promise<string>

// Which file of the data folder each case damages.
const TARGETS: Record<string, Target> = {
  'catalog.json': async (dir) => join(dir, 'catalog.json'),
  'checkpoint.json': async (dir) => join(dir, 'checkpoint.json'),
  'merchant.json': async (dir) => join(dir, 'merchant.json'),
  'buyers/<id>.json': async (dir) => {
    const [name] = (await readdir(join(dir, 'buyers'))).filter((n) => n.endsWith('.json'))
    return join(dir, 'buyers', name!)
  },
  'journal segment': async (dir) => {
    const [name] = (await readdir(join(dir, 'journal'))).filter((n) => n.endsWith('.log'))
    return join(dir, 'journal', name!)
  },
}

// Every store file, and a buyer's trading file, found empty, cut short or
// full of garbage at start: the shop (its real command line) still starts,
// the damaged file is kept aside byte for byte, and nothing is
// overwritten; the trading core sets its file aside and refills it from
// the shop.
export async function damagedFiles(): Promise<ScenarioResult> {
  const base = await crashedShop()
  const failures: string[] = []
  let cases = 0
  for (const [target, locate] of Object.entries(TARGETS)) {
    for (const [how, damage] of Object.entries(DAMAGE)) {
      cases += 1
      const problem = await damageAndStart(base, locate, damage)
      if (problem != null) failures.push(`${target} ${how}: ${problem}`)
    }
  }
  for (const [how, damage] of Object.entries(DAMAGE)) {
    cases += 1
    const problem = await damagedTradingFile(damage)
    if (problem != null) failures.push(`trading file ${how}: ${problem}`)
  }
  return {
    row: {
      scenario: 'damaged files at start', iterations: cases, acked: 0, lost: 0,
      duplicated: 0, inputsTried: cases, crashes: failures.length,
      notes: `${Object.keys(TARGETS).length} store files + trading file × empty/truncated/garbage`,
    },
    failures,
  }
}

// A shop with a buyer and two trades: the first in the snapshot files (a
// clean stop writes them), the second only in the journal (a kill).
async function crashedShop(): Promise<string> {
  const dir = await tempDir('fault-damage')
  let shop = await startChildShop(dir, { merchantKey: null })
  const session = await registerBuyer(shop.url, { name: 'damaged', password: 'damage harness' })
  for (const [i, sku] of ['MUG-STONE', 'TEA-SEN-100'].entries()) {
    if (i === 1) shop = await startChildShop(dir, { merchantKey: null })
    const socket = io(`${shop.url}/buyer`, {
      auth: { token: session.token }, transports: ['websocket'], forceNew: true,
    })
    await waitFor('buyer connected', () => socket.connected)
    await socket.emitWithAck('order:place', {
      requestId: `damage-${sku}`, items: [{ sku, quantity: 1 }],
      shipTo: { name: 'D', address: 'Damage Road' }, payment: { method: 'card' },
    })
    socket.close()
    shop.child.kill(i === 0 ? 'SIGTERM' : 'SIGKILL')
    await shop.exited
  }
  return dir
}

async function damageAndStart(
  base: string,
  locate: Target,
  damage: (text: string) => string,
): Promise<string | null> {
  const dir = await tempDir('fault-damaged')
  await cp(base, dir, { recursive: true })
  const path = await locate(dir)
  const damaged = damage(await readFile(path, 'utf8'))
  await writeFile(path, damaged)
  let shop
  try {
    shop = await startChildShop(dir, { merchantKey: null })
  } catch (err) {
    return `the shop did not start: ${String(err).slice(0, 300)}`
  }
  try {
    if ((await fetch(`${shop.url}/health`)).status !== 200) return 'health failed'
    const merchant = io(`${shop.url}/merchant`, {
      auth: { merchantKey: /merchant key: (\S+)/.exec(shop.stderr())?.[1] ?? CHILD_MERCHANT_KEY },
      transports: ['websocket'], forceNew: true,
    })
    await waitFor('merchant connected', () => merchant.connected, 5_000)
    const list = await merchant.emitWithAck('orders:list', {})
    merchant.close()
    if (list.ok !== true) return 'orders:list failed'
    return await keptAside(path, damaged)
  } finally {
    shop.child.kill('SIGKILL')
    await shop.exited
  }
}

// An empty journal segment is no damage; anything else must be kept: a
// whole damaged file set aside, or a journal's cut-off tail kept beside
// it (what the file had lost from its end).
async function keptAside(path: string, damaged: string): Promise<string | null> {
  if (path.endsWith('.log') && damaged === '') return null
  const folder = join(path, '..')
  const name = path.slice(folder.length + 1)
  const aside = (await readdir(folder)).filter((n) => n.startsWith(`${name}.`))
  const now = await readFile(path, 'utf8').catch(() => '')
  for (const a of aside) {
    const kept = await readFile(join(folder, a), 'utf8')
    if (kept === damaged || now + kept === damaged) return null
  }
  return `no copy of the damaged file was kept (${aside.join(', ') || 'none'})`
}

async function damagedTradingFile(damage: (text: string) => string): Promise<string | null> {
  const shop = await startChildShop(await tempDir('fault-trading'))
  const session = await registerBuyer(shop.url, { name: 'trader', password: 'damage harness' })
  const folder = await tempDir('fault-trading-file')
  const options = { url: shop.url, ...session, folder, reconnectDelayMs: 50 }
  try {
    const first = new BuyerShopClient(options)
    await first.start()
    await waitFor('the client online', () => first.status === 'online')
    const placed = await first.placeOrder({
      items: [{ sku: 'MUG-STONE', quantity: 1 }],
      shipTo: { name: 'T', address: 'Trading Road' }, payment: { method: 'card' },
    })
    await first.stop()
    if (placed.state !== 'placed') return `the order was not placed (${placed.state})`
    const path = join(folder, tradingFileName(shop.url, session.buyerId))
    const damaged = damage(await readFile(path, 'utf8'))
    await writeFile(path, damaged)

    const second = new BuyerShopClient(options)
    const err = await second.start().then(() => null, (e: unknown) => e)
    if (!(err instanceof CorruptFileError)) {
      return `start did not report the damage (${String(err)})`
    }
    if ((await readFile(err.movedTo, 'utf8')) !== damaged) {
      return 'the damaged file was not kept as it was'
    }
    const third = new BuyerShopClient(options)
    await third.start()
    await waitFor('the trade back from the shop',
      () => Object.keys(third.trades()).length === 1, 10_000)
    await third.stop()
    return null
  } finally {
    shop.child.kill('SIGTERM')
    await shop.exited
  }
}
