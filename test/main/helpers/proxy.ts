import { createServer, connect, type Server, type Socket } from 'node:net'
import type { AddressInfo } from 'node:net'

// A TCP proxy in front of the shop, so a test can cut the network under a
// client (every connection dropped, new ones refused) and restore it,
// without the client knowing it is being tested.
export class CuttableProxy {
  #server: Server
  #open = new Set<Socket>()
  #cut = false

  private constructor(private readonly targetPort: number) {
    this.#server = createServer((inbound) => this.#accept(inbound))
  }

  static async start(targetPort: number): Promise<CuttableProxy> {
    const proxy = new CuttableProxy(targetPort)
    await new Promise<void>((resolve) =>
      proxy.#server.listen(0, '127.0.0.1', resolve))
    return proxy
  }

  get url(): string {
    const { port } = this.#server.address() as AddressInfo
    return `http://127.0.0.1:${port}`
  }

  cut(): void {
    this.#cut = true
    for (const socket of this.#open) socket.destroy()
  }

  restore(): void {
    this.#cut = false
  }

  async close(): Promise<void> {
    this.cut()
    await new Promise<void>((resolve) => this.#server.close(() => resolve()))
  }

  #accept(inbound: Socket): void {
    if (this.#cut) return void inbound.destroy()
    const outbound = connect(this.targetPort, '127.0.0.1')
    for (const [a, b] of [[inbound, outbound], [outbound, inbound]]) {
      this.#open.add(a!)
      a!.pipe(b!)
      a!.on('error', () => b!.destroy())
      a!.on('close', () => {
        this.#open.delete(a!)
        b!.destroy()
      })
    }
  }
}

// A port with nothing listening on it (for now).
export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}
