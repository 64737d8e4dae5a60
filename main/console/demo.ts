import { rm } from 'node:fs/promises'
import type { DemoStatus } from '../../shared/contract/operations.js'
import type { Shop } from '../../server/shop/shop.js'
import { startBuyers } from '../../server/sim/buyers.js'
import { startCarrier } from '../../server/sim/carrier.js'
import { DEMO_TIMING, demoBuyers, seedDemoShop } from '../../server/sim/demo-seed.js'
import { startGateway } from '../../server/sim/gateway.js'
import { Random } from '../../server/sim/random.js'
import { RealScheduler, type Scheduler } from '../../server/sim/scheduler.js'
import type { EmbeddedShop } from './embedded-shop.js'

// The demo shop: the embedded shop switched to its own data folder, with
// simulated buyers, a carrier and a payment gateway moving trades along.
export class DemoShop {
  #stops: Array<() => void> = []
  #clock: Scheduler = new RealScheduler()
  #status: DemoStatus = {
    active: false, running: false, rate: 6, seed: 1, ordersPlaced: 0, startedAt: null,
  }

  constructor(
    private readonly embedded: EmbeddedShop,
    private readonly onStatus: (s: DemoStatus) => void,
  ) {}

  status(): DemoStatus {
    return { ...this.#status, active: this.embedded.profile === 'demo' }
  }

  // Switches to the demo shop (made fresh the first time) and runs it.
  async open(): Promise<Shop> {
    if (this.embedded.profile !== 'demo') {
      await this.embedded.close()
      this.embedded.useProfile('demo')
    }
    await this.embedded.start()
    const shop = this.embedded.server!.shop
    if (shop.store.state.trades.size === 0 && demoBuyers(shop).length === 0) {
      await seedDemoShop(shop, new Random(this.#status.seed))
    }
    return shop
  }

  async start(rate: number, seed = this.#status.seed): Promise<DemoStatus> {
    this.#halt()
    this.#status = { ...this.#status, rate, seed, running: true, ordersPlaced: 0, startedAt: new Date().toISOString() }
    const shop = await this.open()
    const rng = new Random(seed)
    this.#stops = [
      startGateway(shop, rng, this.#clock, DEMO_TIMING),
      startCarrier(shop, rng, this.#clock, DEMO_TIMING),
      startBuyers(shop, rng, this.#clock, demoBuyers(shop), rate, () => {
        this.#status.ordersPlaced += 1
        this.#announce()
      }),
    ]
    this.#announce()
    return this.status()
  }

  // Stops the simulation and goes back to the merchant's own shop.
  async stop(): Promise<DemoStatus> {
    this.#halt()
    this.#status = { ...this.#status, running: false }
    if (this.embedded.profile === 'demo') {
      await this.embedded.close()
      this.embedded.useProfile('shop')
    }
    this.#announce()
    return this.status()
  }

  // Deletes every order of the demo shop and starts it again as new.
  async reset(): Promise<DemoStatus> {
    const wasRunning = this.#status.running
    this.#halt()
    await this.embedded.close()
    this.embedded.useProfile('demo')
    await rm(this.embedded.dataDir, { recursive: true, force: true })
    if (wasRunning) return this.start(this.#status.rate)
    await this.open()
    this.#status = { ...this.#status, running: false, ordersPlaced: 0, startedAt: null }
    this.#announce()
    return this.status()
  }

  #halt(): void {
    for (const stop of this.#stops.splice(0)) stop()
    this.#clock.cancelAll()
  }

  #announce(): void {
    this.onStatus(this.status())
  }
}
