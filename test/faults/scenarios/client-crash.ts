import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  TradingFileData,
  registerBuyer,
  tradingFileName,
} from '../../../main/core/index.js'
import {
  canonicalJson,
  type MerchantTrade,
} from '../../../shared/protocol/index.js'
import { startShopServer } from '../../../server/shop-server.js'
import { config } from '../config.js'
import { startChildClient } from '../lib/child-client.js'
import { MerchantDriver } from '../lib/merchant.js'
import type { ScenarioResult } from '../lib/scenario.js'
import { tempDir } from '../../support/temp-dir.js'
import { pause, randomBetween, waitFor } from '../../support/wait.js'

const KEY = 'client-crash-merchant-key-0123'

// The buyer's trading core in a child process, killed with SIGKILL at
// random moments while the merchant streams status changes and the core
// places orders. After every kill its trading file must parse and hold
// each update it applied exactly once, in the shop's order; after the
// last restart it must catch up to the shop's record exactly.
export async function clientCrash(): Promise<ScenarioResult> {
  const shop = await startShopServer({
    dataDir: await tempDir('fault-shop'), port: 0, merchantKey: KEY, logLevel: 'silent',
  })
  const merchant = new MerchantDriver(shop.url, KEY)
  await waitFor('merchant connected', () => merchant.socket.connected)
  await merchant.socket.emitWithAck('catalog:upsert', {
    sku: 'BULK', name: 'Bulk', priceMinor: 100, currency: 'EUR', stock: 1_000_000,
  })
  const session = await registerBuyer(shop.url,
    { name: 'crashing buyer', password: 'crash harness' })
  const folder = await tempDir('fault-client')
  const env = {
    SHOP_URL: shop.url, BUYER_TOKEN: session.token, BUYER_ID: session.buyerId,
    TRADING_FOLDER: folder, SKU: 'BULK',
  }
  const path = join(folder, tradingFileName(shop.url, session.buyerId))
  const stop = { now: false }
  const moving = merchant.run(stop, [1, 5])

  const failures: string[] = []
  for (let k = 0; k < config.clientKills; k++) {
    const child = startChildClient({ ...env, ORDER_EVERY_MS: '40' })
    await child.next((l) => l.event === 'started')
    await pause(randomBetween(50, 700))
    child.child.kill('SIGKILL')
    await child.exited
    const found = await checkFile(path, await shopTrades(merchant, session.buyerId))
    failures.push(...found.problems.map((p) => `after kill ${k + 1}: ${p}`))
  }

  stop.now = true
  await moving
  const trades = await shopTrades(merchant, session.buyerId)
  const target = trades.reduce((n, t) => n + 1 + t.history.length, 0)
  const last = startChildClient({ ...env, ORDER_EVERY_MS: '0' })
  await last.next((l) => l.event === 'synced' && Number(l.lastSeq) >= target, 60_000)
    .catch((err) => failures.push(`did not catch up: ${err}`))
  last.child.kill('SIGTERM')
  const how = await Promise.race([last.exited, pause(10_000).then(() => 'hung')])
  if (how !== 0) {
    failures.push(`the trading core did not stop cleanly (${how})`)
    last.child.kill('SIGKILL')
  }
  const final = await checkFile(path, await shopTrades(merchant, session.buyerId), true)
  failures.push(...final.problems.map((p) => `after the last restart: ${p}`))
  merchant.close()
  await shop.close()

  return {
    row: {
      scenario: 'client crash (SIGKILL of the trading core)',
      iterations: config.clientKills, acked: final.applied + final.orders,
      lost: final.missing, duplicated: final.duplicated,
      inputsTried: final.applied, crashes: config.clientKills,
      notes: `${final.orders} orders, ${final.applied} updates applied; ` +
        `caught up to seq ${final.lastSeq}`,
    },
    failures,
  }
}

async function shopTrades(merchant: MerchantDriver, buyerId: string): Promise<MerchantTrade[]> {
  const all = await merchant.refresh()
  return all.filter((t) => t.trading.buyerId === buyerId)
}

interface FileCheck {
  applied: number
  orders: number
  missing: number
  duplicated: number
  lastSeq: number
  problems: string[]
}

// The file parses; every trade's timeline is the start of the shop's
// history (each update once, in order); no order or trade is there twice.
// With `complete`, it must hold the shop's whole record.
async function checkFile(
  path: string,
  shop: MerchantTrade[],
  complete = false,
): Promise<FileCheck> {
  const out: FileCheck = {
    applied: 0, orders: 0, missing: 0, duplicated: 0, lastSeq: 0, problems: [],
  }
  let data: TradingFileData
  try {
    data = TradingFileData.parse(JSON.parse(await readFile(path, 'utf8')))
  } catch (err) {
    out.problems.push(`trading file does not parse: ${err}`)
    return out
  }
  out.lastSeq = data.lastSeq
  const byId = new Map(shop.map((t) => [t.trading.tradingId, t]))
  for (const [id, record] of Object.entries(data.trades)) {
    const history = byId.get(id)?.history.map((p) => canonicalJson(p)) ?? []
    const timeline = record.timeline.map((e) => canonicalJson(e.processing))
    out.applied += timeline.length
    const seqs = record.timeline.map((e) => e.seq)
    if (new Set(seqs).size !== seqs.length) out.duplicated += 1
    if (timeline.some((p, i) => p !== history[i])) {
      out.problems.push(`${id}: timeline is not the start of the shop's history`)
    }
    if (complete && timeline.length !== history.length) {
      out.missing += history.length - timeline.length
    }
  }
  const placed = data.orders.flatMap((o) => (o.state === 'placed' ? [o.tradingId] : []))
  out.orders = placed.length
  if (new Set(placed).size !== placed.length) out.duplicated += 1
  if (new Set(data.orders.map((o) => o.requestId)).size !== data.orders.length) out.duplicated += 1
  if (data.warnings.length > 0) out.problems.push(`${data.warnings.length} warnings raised`)
  if (complete) {
    for (const t of shop) {
      if (!placed.includes(t.trading.tradingId)) out.duplicated += 1
      if (data.trades[t.trading.tradingId] == null) out.missing += 1
    }
    if (data.orders.some((o) => o.state === 'queued' || o.state === 'sent')) {
      out.problems.push('orders still unanswered after catching up')
    }
  }
  if (out.duplicated > 0) out.problems.push(`${out.duplicated} duplicates`)
  if (out.missing > 0) out.problems.push(`${out.missing} updates missing`)
  return out
}
