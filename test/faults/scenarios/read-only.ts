import { startShopServer } from '../../../server/shop-server.js'
import { checkDataFolder } from '../lib/check-store.js'
import { MerchantDriver } from '../lib/merchant.js'
import { RawBuyers } from '../lib/raw-buyers.js'
import type { ScenarioResult } from '../lib/scenario.js'
import { FaultyFs } from '../../support/faulty-fs.js'
import { tempDir } from '../../support/temp-dir.js'
import { pause, waitFor } from '../../support/wait.js'

const KEY = 'read-only-merchant-key-012345'
const STOCK = new Map([['RO', 10_000_000]])
const CYCLES = 4

// The data folder turns read-only under load, and back. A real file
// system cannot be remounted read-only while the journal is open for
// writing (the kernel refuses: busy), and root ignores file modes, so the
// store's file-system layer answers EROFS instead, for every call that
// would change the disk. Checks as for a full disk.
export async function readOnly(): Promise<ScenarioResult> {
  const dataDir = await tempDir('fault-ro')
  const fs = new FaultyFs()
  const shop = await startShopServer({
    dataDir, port: 0, merchantKey: KEY, logLevel: 'silent', fs, checkpointEveryMs: 200,
  })
  const merchant = new MerchantDriver(shop.url, KEY)
  await waitFor('merchant connected', () => merchant.socket.connected)
  await merchant.socket.emitWithAck('catalog:upsert', {
    sku: 'RO', name: 'Read-only', priceMinor: 100, currency: 'EUR', stock: 10_000_000,
  })
  const buyers = await RawBuyers.create(shop.url, 4, 'RO')
  const failures: string[] = []
  let retried = 0
  for (let cycle = 0; cycle < CYCLES; cycle++) {
    const stop = { now: false }
    const load = [buyers.run(stop, 30), merchant.run(stop, [2, 8])]
    await pause(300)
    fs.fault = 'read-only'
    await waitFor('an order refused unavailable', () => buyers.unavailable.length > 0, 10_000)
      .catch(() => failures.push(`cycle ${cycle + 1}: nothing refused on a read-only disk`))
    await pause(400)
    if ((await fetch(`${shop.url}/health`)).status !== 200) failures.push('health failed')
    fs.fault = 'none'
    stop.now = true
    await Promise.all(load)
    retried += await buyers.retryUnavailable()
    if (buyers.unavailable.length > 0) {
      failures.push(`cycle ${cycle + 1}: still refused once writable`)
    }
  }
  buyers.close()
  merchant.close()
  await shop.close()
  const acked = { orders: buyers.acked, moves: merchant.acked }
  const check = await checkDataFolder(dataDir, acked, STOCK)
  failures.push(...check.lost.map((x) => `lost ${x}`),
    ...check.duplicated.map((x) => `duplicated ${x}`), ...check.problems)
  return {
    row: {
      scenario: 'read-only data folder (EROFS injected)', iterations: CYCLES,
      acked: buyers.acked.length + merchant.acked.length, lost: check.lost.length,
      duplicated: check.duplicated.length, inputsTried: buyers.answered + retried, crashes: 0,
      notes: `${retried} refused unavailable, each placed once when writable`,
    },
    failures,
  }
}
