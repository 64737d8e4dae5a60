import { io, type Socket } from 'socket.io-client'
import { ulid } from 'ulid'
import type {
  MerchantReplies,
  Product,
} from '../../../shared/protocol/index.js'
import { startShopServer } from '../../../server/shop-server.js'
import { registerBuyer, type BuyerSession } from '../../../main/core/index.js'

// A real shop server in a temp folder, a merchant connected to it, and
// buyers registered on it.

export const MERCHANT_KEY = 'k'.repeat(32)

export function startShop(dataDir: string, port = 0) {
  return startShopServer({
    dataDir,
    port,
    host: '127.0.0.1',
    merchantKey: MERCHANT_KEY,
    logLevel: 'silent',
  })
}

export async function newBuyer(url: string): Promise<BuyerSession> {
  const name = `buyer-${ulid()}`
  return registerBuyer(url, { name, password: 'correct horse battery' })
}

export class Merchant {
  private constructor(readonly socket: Socket) {}

  static async connect(url: string): Promise<Merchant> {
    const socket = io(`${url}/merchant`, {
      auth: { merchantKey: MERCHANT_KEY },
      transports: ['websocket'],
    })
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve)
      socket.once('connect_error', reject)
    })
    return new Merchant(socket)
  }

  // Sends a request and returns the answer, throwing on a refusal.
  async ask<E extends keyof MerchantReplies>(
    event: E,
    payload: object,
  ): Promise<MerchantReplies[E]> {
    const reply = await this.socket.timeout(5_000)
      .emitWithAck(event, payload) as
      | ({ ok: true } & MerchantReplies[E])
      | { ok: false; error: { code: string; message: string } }
    if (!reply.ok) {
      throw new Error(`${event}: ${reply.error.code} ${reply.error.message}`)
    }
    return reply
  }

  async advance(
    tradingId: string,
    track: 'order' | 'delivery' | 'payment',
    to: string,
  ): Promise<void> {
    const shipping = to === 'shipped'
      ? { carrier: 'Parcelly', trackingNo: 'PX-1' }
      : {}
    await this.ask('order:advance', { tradingId, track, to, ...shipping })
  }

  // A product with plenty of stock, so tests can order freely.
  async stockedProduct(): Promise<Product> {
    const sku = `SKU-${ulid()}`
    const product = {
      sku, name: 'Test beans', priceMinor: 1000, currency: 'EUR',
      stock: 100_000,
    }
    return (await this.ask('catalog:upsert', product)).product
  }

  close(): void {
    this.socket.close()
  }
}
