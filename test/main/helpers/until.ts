import type { BuyerShopClient } from '../../../main/core/index.js'

const SIGNALS = ['trade', 'order', 'warning', 'synced', 'status'] as const

// Resolves with the first truthy value of `check`, tried now and after
// each thing the client announces; rejects after `timeoutMs` naming what
// it waited for.
export function until<T>(
  client: BuyerShopClient,
  what: string,
  check: () => T | null | undefined | false,
  timeoutMs = 15_000,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const stopListening = () => {
      clearTimeout(timer)
      for (const s of SIGNALS) client.off(s, test)
    }
    const test = () => {
      const value = check()
      if (value == null || value === false) return
      stopListening()
      resolve(value)
    }
    const timer = setTimeout(() => {
      stopListening()
      reject(new Error(`timed out waiting for ${what}`))
    }, timeoutMs)
    for (const s of SIGNALS) client.on(s, test)
    test()
  })
}
