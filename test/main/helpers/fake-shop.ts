import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Server, type Socket } from 'socket.io'

// A scripted stand-in for the shop's /buyer namespace, for what the real
// shop cannot be made to do on cue: drop an answer, send a bad payload,
// hold ten thousand updates.

export const FAKE_TOKEN = 'fake-token'

// nothing (no ack) leaves the request unanswered
type Reply = object | void
type Handler = (payload: Record<string, unknown>, socket: Socket) => Reply

export class FakeShop {
  // the buyer's feed, seq n at index n - 1; events need not be valid
  readonly feed: { seq: number; [field: string]: unknown }[] = []
  readonly handlers: Record<string, Handler> = {
    'feed:sync': (req) => this.#page(req),
    'catalog:list': () => ({ ok: true, products: [] }),
  }

  private constructor(
    private readonly io: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<FakeShop> {
    const http = createServer()
    const io = new Server(http)
    await new Promise<void>((resolve) =>
      http.listen(0, '127.0.0.1', resolve))
    const { port } = http.address() as AddressInfo
    const shop = new FakeShop(io, `http://127.0.0.1:${port}`)
    shop.#serve()
    return shop
  }

  // Sends a push to every connected buyer.
  push(event: string, payload: unknown): void {
    this.io.of('/buyer').emit(event, payload)
  }

  // Drops every buyer's connection the way a network failure would.
  dropConnections(): void {
    for (const socket of this.io.of('/buyer').sockets.values()) {
      socket.conn.close()
    }
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.io.close(() => resolve()))
  }

  #serve(): void {
    const nsp = this.io.of('/buyer')
    nsp.use((socket, next) => {
      const ok = socket.handshake.auth.token === FAKE_TOKEN
      next(ok ? undefined : new Error('unauthorized'))
    })
    nsp.on('connection', (socket) => {
      type Ack = (reply: object) => void
      socket.onAny((event: string, payload: Record<string, unknown>,
        ack: Ack) => {
        const reply = this.handlers[event]?.(payload, socket)
        if (reply != null) ack(reply)
      })
    })
  }

  #page(req: Record<string, unknown>): Reply {
    const after = Number(req.after)
    const limit = Number(req.limit ?? 500)
    const events = this.feed.filter((e) => e.seq > after).slice(0, limit)
    return { ok: true, events, lastSeq: this.feed.length }
  }
}
