import { join } from 'node:path'
import { ulid } from 'ulid'
import {
  BuyerShopClient,
  registerBuyer,
  type BuyerSession,
} from '../../../main/core/index.js'
import { pause, randomBetween } from '../../support/wait.js'

export interface AckedOrder {
  buyerId: string
  requestId: string
  tradingId: string
}

export interface FleetOptions {
  skus: string[]
  // pause between one buyer's orders, so each stays under the shop's
  // per-connection rate limit
  paceMs: [number, number]
}

// Buyers placing orders through the real trading core (BuyerShopClient,
// each with its own trading file). Every order the shop acknowledged is
// logged, whether the answer came at once or after a reconnect.
export class BuyerFleet {
  readonly acked: AckedOrder[] = []
  #seen = new Set<string>()

  private constructor(
    readonly clients: BuyerShopClient[],
    readonly sessions: BuyerSession[],
    readonly folders: string[],
    private readonly opts: FleetOptions,
  ) {
    for (const [i, client] of clients.entries()) {
      const buyerId = sessions[i]!.buyerId
      client.on('order', (o) => {
        if (o.state !== 'placed' || o.tradingId == null) return
        if (this.#seen.has(o.requestId)) return
        this.#seen.add(o.requestId)
        this.acked.push({ buyerId, requestId: o.requestId, tradingId: o.tradingId })
      })
    }
  }

  static async create(
    url: string,
    count: number,
    folder: string,
    opts: FleetOptions,
  ): Promise<BuyerFleet> {
    const sessions: BuyerSession[] = []
    for (let i = 0; i < count; i++) {
      sessions.push(await registerBuyer(url, {
        name: `fault-${ulid()}`, password: 'fault harness password',
      }))
    }
    const folders = sessions.map((_s, i) => join(folder, `buyer-${i}`))
    const clients = sessions.map((s, i) => new BuyerShopClient({
      url, ...s, folder: folders[i]!,
      reconnectDelayMs: 50, reconnectDelayMaxMs: 250, ackTimeoutMs: 3_000,
    }))
    for (const c of clients) await c.start()
    return new BuyerFleet(clients, sessions, folders, opts)
  }

  members(): { client: BuyerShopClient; buyerId: string; folder: string }[] {
    return this.clients.map((client, i) => ({
      client, buyerId: this.sessions[i]!.buyerId, folder: this.folders[i]!,
    }))
  }

  // Each buyer orders while online, until `stop.now`.
  run(stop: { now: boolean }): Promise<void> {
    return Promise.all(this.clients.map((c) => this.#orderLoop(c, stop)))
      .then(() => undefined)
  }

  async stop(): Promise<void> {
    await Promise.all(this.clients.map((c) => c.stop()))
  }

  async #orderLoop(client: BuyerShopClient, stop: { now: boolean }) {
    while (!stop.now) {
      if (client.status === 'online') {
        const sku = this.opts.skus[randomBetween(0, this.opts.skus.length - 1)]!
        await client.placeOrder({
          items: [{ sku, quantity: randomBetween(1, 3) }],
          shipTo: { name: 'Fault Harness', address: '1 Crash Street' },
          payment: { method: 'card' },
        }).catch(() => undefined)
      }
      await pause(randomBetween(...this.opts.paceMs))
    }
  }
}
