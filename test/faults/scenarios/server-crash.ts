import { io } from 'socket.io-client'
import { config } from '../config.js'
import { BuyerFleet } from '../lib/buyers.js'
import { checkDataFolder } from '../lib/check-store.js'
import { checkConvergence } from '../lib/converge.js'
import { MerchantDriver } from '../lib/merchant.js'
import type { ScenarioResult } from '../lib/scenario.js'
import { CHILD_MERCHANT_KEY, startChildShop, type ChildShop } from '../../support/child-shop.js'
import { tempDir } from '../../support/temp-dir.js'
import { pause, randomBetween } from '../../support/wait.js'

const STOCK = new Map([['BULK-A', 5_000_000], ['BULK-B', 5_000_000]])

// The real shop in a child process, buyers ordering through the trading
// core and a merchant moving statuses, and SIGKILL at random moments.
// After each kill the data folder is checked as the next start reads it;
// at the end every buyer's trading file must match the shop.
//
// With `unsafe`, the child acknowledges before writing (a test control):
// the same checker must then report losses, which shows it can see them.
export async function serverCrash(unsafe: boolean): Promise<ScenarioResult> {
  const kills = unsafe ? config.unsafeKills : config.serverKills
  const dataDir = await tempDir('fault-shop')
  const env: Record<string, string> = unsafe
    ? { TRADEPOST_UNSAFE_ACK_BEFORE_WRITE: '1' }
    : {}
  let shop = await startChildShop(dataDir, { env })
  const port = shop.port
  await seedStock(shop.url)
  const fleet = await BuyerFleet.create(shop.url, config.buyers,
    await tempDir('fault-buyers'), { skus: [...STOCK.keys()], paceMs: [40, 90] })
  const merchant = new MerchantDriver(shop.url, CHILD_MERCHANT_KEY)
  const stop = { now: false }
  const work = [fleet.run(stop), merchant.run(stop, [2, 10])]

  const lost = new Set<string>()
  const duplicated = new Set<string>()
  const problems: string[] = []
  for (let k = 0; k < kills; k++) {
    await pause(randomBetween(80, 500))
    // Every other kill (every kill of the broken variant) lands in the
    // very turn an acknowledgement arrives: the moment a write that was
    // acknowledged early would be lost.
    if (unsafe || k % 2 === 1) await nextAck(merchant)
    shop = await killAndRestart(shop, dataDir, port, env, async () => {
      const check = await checkDataFolder(dataDir,
        { orders: fleet.acked, moves: merchant.acked }, STOCK)
      for (const x of check.lost) lost.add(x)
      for (const x of check.duplicated) duplicated.add(x)
      problems.push(...check.problems.map((p) => `after kill ${k + 1}: ${p}`))
    })
  }

  stop.now = true
  await Promise.all(work)
  const trades = () => merchant.refresh()
  const converged = await checkConvergence(fleet.members(), trades)
  await fleet.stop()
  merchant.close()
  shop.child.kill('SIGTERM')
  const exit = await shop.exited

  for (const x of converged.duplicated) duplicated.add(x)
  const acked = fleet.acked.length + merchant.acked.length
  const notes = unsafe
    ? `ack before write; checker must see losses (saw ${lost.size})`
    : `${converged.converged}/${fleet.clients.length} trading files converged`
  const failures = unsafe
    ? (lost.size > 0 ? [] : ['the checker saw no loss in the broken variant'])
    : [
        ...[...lost].map((x) => `lost ${x}`),
        ...[...duplicated].map((x) => `duplicated ${x}`),
        ...problems, ...converged.problems,
        ...(exit === 0 ? [] : [`shop stopped with ${exit}`]),
      ]
  return {
    row: {
      scenario: unsafe
        ? 'server crash, ack before write (broken on purpose)'
        : 'server crash (SIGKILL)',
      iterations: kills, acked, lost: lost.size, duplicated: duplicated.size,
      inputsTried: acked, crashes: kills, notes,
    },
    failures,
  }
}

function nextAck(merchant: MerchantDriver): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, 2_000)
    function done() {
      clearTimeout(timer)
      merchant.onAck = null
      resolve()
    }
    merchant.onAck = done
  })
}

async function seedStock(url: string): Promise<void> {
  const socket = io(`${url}/merchant`, {
    auth: { merchantKey: CHILD_MERCHANT_KEY }, transports: ['websocket'], forceNew: true,
  })
  for (const [sku, stock] of STOCK) {
    await socket.timeout(5_000).emitWithAck('catalog:upsert', {
      sku, name: `Bulk ${sku}`, priceMinor: 100, currency: 'EUR', stock,
    })
  }
  socket.close()
}

// Kills the shop, runs `check` on what it left, and starts it again on
// the same port so clients find it where they left it.
export async function killAndRestart(
  shop: ChildShop,
  dataDir: string,
  port: number,
  env: Record<string, string>,
  check: () => Promise<void>,
): Promise<ChildShop> {
  shop.child.kill('SIGKILL')
  await shop.exited
  await check()
  return startChildShop(dataDir, { port, env })
}
