import { io, type Socket } from 'socket.io-client'
import { ulid } from 'ulid'
import { registerBuyer } from '../../../main/core/index.js'
import { pause, waitFor } from '../../support/wait.js'
import type { AckedOrder } from './buyers.js'

interface Buyer {
  buyerId: string
  socket: Socket
}

// Buyers on plain sockets, for scenarios that look at each answer: every
// order is logged as acknowledged, refused `unavailable` (kept, to be sent
// again with the same requestId), or refused otherwise.
export class RawBuyers {
  readonly acked: AckedOrder[] = []
  readonly unavailable: { buyer: Buyer; payload: object; requestId: string }[] = []
  readonly otherErrors = new Map<string, number>()
  lostAnswers = 0

  private constructor(private readonly buyers: Buyer[], private readonly sku: string) {}

  static async create(url: string, count: number, sku: string): Promise<RawBuyers> {
    const buyers: Buyer[] = []
    for (let i = 0; i < count; i++) {
      const s = await registerBuyer(url, { name: `raw-${ulid()}`, password: 'raw harness' })
      const socket = io(`${url}/buyer`, {
        auth: { token: s.token }, transports: ['websocket'], forceNew: true,
        reconnectionDelay: 50, reconnectionDelayMax: 200,
      })
      await waitFor('buyer connected', () => socket.connected)
      buyers.push({ buyerId: s.buyerId, socket })
    }
    return new RawBuyers(buyers, sku)
  }

  get answered(): number {
    const others = [...this.otherErrors.values()].reduce((a, b) => a + b, 0)
    return this.acked.length + this.unavailable.length + others
  }

  async run(stop: { now: boolean }, everyMs = 60): Promise<void> {
    await Promise.all(this.buyers.map(async (buyer) => {
      while (!stop.now) {
        if (buyer.socket.connected) await this.#place(buyer, `raw-${ulid()}`)
        await pause(everyMs)
      }
    }))
  }

  // Sends every order refused `unavailable` again, with its requestId.
  async retryUnavailable(): Promise<number> {
    const again = this.unavailable.splice(0)
    for (const u of again) await this.#place(u.buyer, u.requestId)
    return again.length
  }

  close(): void {
    for (const b of this.buyers) b.socket.close()
  }

  async #place(buyer: Buyer, requestId: string): Promise<void> {
    const payload = {
      requestId, items: [{ sku: this.sku, quantity: 1 }],
      shipTo: { name: 'Raw Buyer', address: '4 Disk Lane' }, payment: { method: 'card' },
    }
    let res
    try {
      res = await buyer.socket.timeout(5_000).emitWithAck('order:place', payload)
    } catch {
      this.lostAnswers += 1
      return
    }
    if (res.ok === true) {
      this.acked.push({ buyerId: buyer.buyerId, requestId, tradingId: res.trading.tradingId })
    } else if (res.error.code === 'unavailable') {
      this.unavailable.push({ buyer, payload, requestId })
    } else {
      this.otherErrors.set(res.error.code, (this.otherErrors.get(res.error.code) ?? 0) + 1)
    }
  }
}
