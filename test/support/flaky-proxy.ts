import { createServer, connect, type Server, type Socket } from 'node:net'
import type { AddressInfo } from 'node:net'

export type NetworkFault = 'delay' | 'cut' | 'reset' | 'refuse'

// A TCP proxy between clients and the shop that a test can make flaky:
// delay every byte by some milliseconds (order kept), cut connections
// with a clean close, reset them (RST), or refuse new ones for a while.
export class FlakyProxy {
  #server: Server
  #open = new Set<Socket>()
  #refusing = false
  #delayMs = 0
  readonly counts: Record<NetworkFault, number> = { delay: 0, cut: 0, reset: 0, refuse: 0 }

  private constructor(private readonly targetPort: number) {
    this.#server = createServer((inbound) => this.#accept(inbound))
  }

  static async start(targetPort: number): Promise<FlakyProxy> {
    const proxy = new FlakyProxy(targetPort)
    await new Promise<void>((resolve) => proxy.#server.listen(0, '127.0.0.1', resolve))
    return proxy
  }

  get url(): string {
    const { port } = this.#server.address() as AddressInfo
    return `http://127.0.0.1:${port}`
  }

  delay(ms: number): void {
    this.counts.delay += ms > 0 ? 1 : 0
    this.#delayMs = ms
  }

  cut(): void {
    this.counts.cut += 1
    for (const s of this.#open) s.end()
  }

  reset(): void {
    this.counts.reset += 1
    for (const s of this.#open) s.resetAndDestroy()
  }

  refuse(on: boolean): void {
    if (on) this.counts.refuse += 1
    this.#refusing = on
  }

  heal(): void {
    this.#delayMs = 0
    this.#refusing = false
  }

  async close(): Promise<void> {
    this.#refusing = true
    for (const s of this.#open) s.destroy()
    await new Promise<void>((resolve) => this.#server.close(() => resolve()))
  }

  #accept(inbound: Socket): void {
    if (this.#refusing) return void inbound.resetAndDestroy()
    const outbound = connect(this.targetPort, '127.0.0.1')
    for (const [from, to] of [[inbound, outbound], [outbound, inbound]] as const) {
      this.#open.add(from)
      this.#forward(from, to)
      from.on('error', () => to.destroy())
      from.on('close', () => {
        this.#open.delete(from)
        to.destroy()
      })
    }
  }

  // Bytes keep their order however the delay changes: each chunk goes out
  // no earlier than the one before it.
  #forward(from: Socket, to: Socket): void {
    let last = 0
    from.on('data', (chunk: Buffer) => {
      const due = Math.max(Date.now() + this.#delayMs, last)
      last = due
      const send = () => {
        if (!to.destroyed) to.write(chunk)
      }
      if (due <= Date.now()) send()
      else setTimeout(send, due - Date.now())
    })
    // A clean close follows the bytes sent before it.
    from.on('end', () => {
      const end = () => to.end()
      const wait = last - Date.now()
      if (wait <= 0) end()
      else setTimeout(end, wait)
    })
  }
}
