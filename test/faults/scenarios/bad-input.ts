import { io } from 'socket.io-client'
import { registerBuyer } from '../../../main/core/index.js'
import { startShopServer } from '../../../server/shop-server.js'
import { config } from '../config.js'
import type { ScenarioResult } from '../lib/scenario.js'
import { buyerShapes, merchantShapes } from '../../support/fuzz-payloads.js'
import { fuzzHttp, fuzzSocket, type FuzzCount } from '../../support/fuzz-run.js'
import { tempDir } from '../../support/temp-dir.js'
import { waitFor } from '../../support/wait.js'

const KEY = 'bad-input-merchant-key-012345'
const OPEN = { burst: 1_000_000, perSecond: 10_000 }

// The property-based bad-input suite of test/security, with many more
// generated inputs.
export async function badInput(): Promise<ScenarioResult> {
  const shop = await startShopServer({
    dataDir: await tempDir('fault-fuzz'), port: 0, merchantKey: KEY, logLevel: 'silent',
    limits: { signIn: { perAddress: OPEN, perName: OPEN } },
  })
  const session = await registerBuyer(shop.url, { name: 'fuzzed', password: 'fuzz harness' })
  const options = { transports: ['websocket'], forceNew: true }
  const buyer = io(`${shop.url}/buyer`, { auth: { token: session.token }, ...options })
  const merchant = io(`${shop.url}/merchant`, { auth: { merchantKey: KEY }, ...options })
  await waitFor('sockets connected', () => buyer.connected && merchant.connected)
  const placed = await buyer.emitWithAck('order:place', {
    requestId: 'fuzz-setup-order', items: [{ sku: 'MUG-STONE', quantity: 1 }],
    shipTo: { name: 'F', address: 'Fuzz' }, payment: { method: 'card' },
  })
  const before = JSON.stringify(await merchant.emitWithAck('orders:list', {}))
  const count: FuzzCount = { inputs: 0, crashes: 0 }
  const failures: string[] = []
  const attempt = (what: string, run: () => Promise<void>) =>
    run().catch((err: unknown) => failures.push(`${what}: ${String(err).slice(0, 2_000)}`))
  await attempt('/buyer', () => fuzzSocket(buyer, buyerShapes(), config.fuzzRuns, count))
  await attempt('/merchant', () => fuzzSocket(merchant,
    merchantShapes(placed.trading.tradingId, session.buyerId), config.fuzzRuns, count))
  await attempt('HTTP', () => fuzzHttp(shop.url, config.fuzzRuns, count))
  const after = JSON.stringify(await merchant.emitWithAck('orders:list', {}))
  if (after !== before) failures.push('a malformed request changed the shop')
  buyer.close()
  merchant.close()
  await shop.close()
  return {
    row: {
      scenario: 'bad input (fast-check)', iterations: count.inputs, acked: 0, lost: 0,
      duplicated: 0, inputsTried: count.inputs, crashes: count.crashes,
      notes: 'every input answered with an error; nothing stored; prototype untouched',
    },
    failures,
  }
}
