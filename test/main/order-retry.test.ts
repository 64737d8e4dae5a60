import { afterEach, describe, expect, it } from 'vitest'
import { order, useClients } from './helpers/clients.js'
import { newBuyer, startShop } from './helpers/shop.js'
import { useTempFolders } from './helpers/temp.js'
import { until } from './helpers/until.js'

const temp = useTempFolders()
const client = useClients()
const closing: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const close of closing.splice(0)) await close()
})

describe('an order the shop cannot take just now', () => {
  it('stays pending and is placed once the shop takes orders again', async () => {
    const shop = await startShop(await temp())
    closing.push(() => shop.close())
    const session = await newBuyer(shop.url)
    const buyer = await client(shop.url, session, await temp())

    // More than one connection may place at once: some are answered
    // rate_limited, and must not end up refused.
    const placed = await Promise.all(
      Array.from({ length: 58 }, () => buyer.placeOrder(order('FLT-PAPER-100'))),
    )
    expect(placed.some((o) => o.state === 'sent')).toBe(true)

    await until(buyer, 'every order placed', () =>
      buyer.orders().every((o) => o.state === 'placed'), 30_000)
    expect(buyer.orders().filter((o) => o.state === 'refused')).toEqual([])
    expect(Object.keys(buyer.trades())).toHaveLength(58)
  }, 40_000)
})
