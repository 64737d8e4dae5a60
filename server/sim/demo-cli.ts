import { rm } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { startShopServer } from '../shop-server.js'
import { startBuyers } from './buyers.js'
import { startCarrier } from './carrier.js'
import { DEMO_TIMING, demoBuyers, seedDemoShop } from './demo-seed.js'
import { startGateway } from './gateway.js'
import { Random } from './random.js'
import { RealScheduler } from './scheduler.js'
import { stopOnSignals } from '../stop-on-signals.js'

const HELP = `Tradepost demo shop: a shop with a realistic catalog, simulated buyers,
a simulated carrier and payment gateway (with some declined payments and
returned parcels), and every automatic rule switched on.

  npm run demo -- [--rate N] [--seed N] [--port N] [--data DIR] [--reset]

  --rate    simulated orders per minute (default 6; 0 for none)
  --seed    seed of the simulation, so a run can be replayed (default 1)
  --port    port (default 4821)
  --data    data folder (default ~/.tradepost/demo-shop)
  --reset   start from the demo's starting state (deletes the folder first)`

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rate: { type: 'string' }, seed: { type: 'string' }, port: { type: 'string' },
      data: { type: 'string' }, reset: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help === true) return console.log(HELP)
  const rate = Number(values.rate ?? 6)
  const seed = Number(values.seed ?? 1)
  const dataDir = resolve(values.data ?? join(homedir(), '.tradepost', 'demo-shop'))
  if (values.reset === true) await rm(dataDir, { recursive: true, force: true })

  const server = await startShopServer({
    dataDir,
    port: Number(values.port ?? 4821),
    merchantKey: process.env.TRADEPOST_MERCHANT_KEY,
  })
  const shop = server.shop
  const rng = new Random(seed)
  if (demoBuyers(shop).length === 0) await seedDemoShop(shop, rng)
  const clock = new RealScheduler()
  startGateway(shop, rng, clock, DEMO_TIMING)
  startCarrier(shop, rng, clock, DEMO_TIMING)
  startBuyers(shop, rng, clock, demoBuyers(shop), rate, () => undefined)
  console.error(
    `\n  Tradepost demo shop at ${server.url}\n  data: ${dataDir}\n` +
      `  merchant key: ${server.merchantKey}\n  ${rate} simulated orders a minute, seed ${seed}\n`,
  )
  stopOnSignals(async () => {
    clock.cancelAll()
    await server.close()
  })
}

main().catch((err: unknown) => {
  console.error(`tradepost: ${err instanceof Error ? err.message : String(err)}`)
  process.exit(1)
})
