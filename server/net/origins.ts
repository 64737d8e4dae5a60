// Which web origins may talk to the shop. A request without an Origin
// header comes from a native client (the console's core, scripts) and is
// let through; one with an Origin comes from a web page, and is let
// through only from the shop's own origin or the configured list, so a
// page on some other site cannot drive the shop through the buyer's or
// merchant's browser.
export class OriginPolicy {
  #allowed = new Set<string>()

  constructor(configured: readonly string[] = []) {
    for (const origin of configured) this.#allowed.add(originOf(origin))
  }

  // The shop's own origins, once its port is known.
  addOwn(host: string, port: number): void {
    const hosts = isLoopback(host)
      ? ['127.0.0.1', 'localhost', '[::1]']
      : isWildcard(host)
        ? []
        : [host.includes(':') ? `[${host}]` : host]
    for (const h of hosts) this.#allowed.add(`http://${h}:${port}`)
  }

  allows(origin: string | string[] | undefined): boolean {
    if (origin == null) return true
    if (Array.isArray(origin)) return false
    try {
      return this.#allowed.has(new URL(origin).origin)
    } catch {
      return false
    }
  }
}

function originOf(text: string): string {
  const url = new URL(text)
  if (url.origin === 'null') {
    throw new Error(`[server] ${text} is not a web origin`)
  }
  return url.origin
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host)
}

function isWildcard(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === ''
}
