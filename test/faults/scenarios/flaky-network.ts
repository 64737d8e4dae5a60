import { config } from '../config.js'
import { BuyerFleet } from '../lib/buyers.js'
import { checkDataFolder } from '../lib/check-store.js'
import { checkConvergence } from '../lib/converge.js'
import { MerchantDriver } from '../lib/merchant.js'
import type { ScenarioResult } from '../lib/scenario.js'
import { CHILD_MERCHANT_KEY, startChildShop } from '../../support/child-shop.js'
import { FlakyProxy } from '../../support/flaky-proxy.js'
import { tempDir } from '../../support/temp-dir.js'
import { pause, randomBetween, waitFor } from '../../support/wait.js'

const STOCK = new Map([['NET', 10_000_000]])

// Buyers reach the shop through a proxy that delays, cuts and resets
// their connections and refuses new ones for a while; the merchant is
// connected directly. Every buyer must end with the shop's record, and no
// order may be placed twice.
export async function flakyNetwork(): Promise<ScenarioResult> {
  const dataDir = await tempDir('fault-net')
  const shop = await startChildShop(dataDir)
  const merchant = new MerchantDriver(shop.url, CHILD_MERCHANT_KEY)
  await waitFor('merchant connected', () => merchant.socket.connected)
  await merchant.socket.emitWithAck('catalog:upsert', {
    sku: 'NET', name: 'Net', priceMinor: 100, currency: 'EUR', stock: 10_000_000,
  })
  const proxy = await FlakyProxy.start(shop.port)
  const fleet = await BuyerFleet.create(proxy.url, config.buyers,
    await tempDir('fault-net-buyers'), { skus: ['NET'], paceMs: [50, 120] })
  const stop = { now: false }
  const work = [fleet.run(stop), merchant.run(stop, [3, 10])]

  for (let i = 0; i < config.networkFaults; i++) {
    await pause(randomBetween(80, 300))
    const fault = (['delay', 'cut', 'reset', 'refuse'] as const)[randomBetween(0, 3)]!
    if (fault === 'delay') proxy.delay(randomBetween(20, 400))
    if (fault === 'cut') proxy.cut()
    if (fault === 'reset') proxy.reset()
    if (fault === 'refuse') proxy.refuse(true)
    await pause(randomBetween(100, 600))
    proxy.heal()
  }

  stop.now = true
  await Promise.all(work)
  proxy.heal()
  const converged = await checkConvergence(fleet.members(), () => merchant.refresh())
  await fleet.stop()
  merchant.close()
  await proxy.close()
  shop.child.kill('SIGTERM')
  await shop.exited
  const acked = { orders: fleet.acked, moves: merchant.acked }
  const check = await checkDataFolder(dataDir, acked, STOCK)
  const duplicated = [...converged.duplicated, ...check.duplicated]
  return {
    row: {
      scenario: 'flaky network (proxy)', iterations: config.networkFaults,
      acked: fleet.acked.length + merchant.acked.length, lost: check.lost.length,
      duplicated: duplicated.length, inputsTried: fleet.acked.length, crashes: 0,
      notes: `${JSON.stringify(proxy.counts)}; ` +
        `${converged.converged}/${fleet.clients.length} converged`,
    },
    failures: [
      ...check.lost.map((x) => `lost ${x}`), ...duplicated.map((x) => `duplicated ${x}`),
      ...check.problems, ...converged.problems,
    ],
  }
}
