import { STARTER_CATALOG } from '../../server/shop/catalog.js'

export const SKUS = STARTER_CATALOG.map((p) => p.sku)
const METHODS = ['card', 'bank_transfer', 'invoice', 'cash_on_delivery'] as const

// The n-th order of buyer b: one to three lines from the starter catalog,
// a requestId unique within the run.
export function orderPayload(b: number, n: number, tag = 'o') {
  const lines = 1 + ((b + n) % 3)
  const items = []
  for (let i = 0; i < lines; i++) {
    items.push({ sku: SKUS[(b * 7 + n * 3 + i) % SKUS.length]!, quantity: 1 + ((n + i) % 3) })
  }
  return {
    requestId: `${tag}-${b}-${n}-bench`,
    items,
    shipTo: {
      name: `Bench Buyer ${String(b).padStart(4, '0')}`,
      address: `${1 + (b % 200)} Market Street, Springfield`,
    },
    payment: { method: METHODS[n % METHODS.length]! },
  }
}
