import { describe, expect, it } from 'vitest'
import { DEFAULT_SHOP_SETTINGS } from '../../shared/protocol/settings.js'
import { registerBuyers, placeRandomOrder } from '../../server/sim/buyers.js'
import { startCarrier } from '../../server/sim/carrier.js'
import { startGateway } from '../../server/sim/gateway.js'
import { Random } from '../../server/sim/random.js'
import { ManualScheduler } from '../../server/sim/scheduler.js'
import { SCENARIOS } from '../../server/sim/scenarios.js'
import { closeAll, startTestShop, cleanUpAfterEach } from '../support/shop.js'
import { tempDir } from '../support/temp-dir.js'

cleanUpAfterEach()

const ALL_RULES = {
  ...DEFAULT_SHOP_SETTINGS,
  rules: {
    capture_on_ship: true,
    complete_when_delivered_and_paid: true,
    settle_on_cancel: true,
    refund_on_return: true,
  },
}

async function shopWithOrder() {
  const server = await startTestShop()
  const shop = server.shop
  const [buyer] = await registerBuyers(shop, new Random(1))
  const id = await placeRandomOrder(shop, new Random(2), buyer!, 'card')
  return { shop, id: id! }
}

describe('rules', () => {
  it('capture on ship, then complete when delivered, each named as its cause', async () => {
    const { shop, id } = await shopWithOrder()
    await shop.saveSettings(ALL_RULES)
    for (const [track, to] of [
      ['payment', 'authorized'], ['order', 'in_preparation'], ['order', 'ready'],
    ] as const) await shop.advance({ tradingId: id, track, to })

    await shop.advance({ tradingId: id, track: 'delivery', to: 'shipped', carrier: 'DHL', trackingNo: 'JD1' })
    await shop.advance({ tradingId: id, track: 'delivery', to: 'in_transit' })
    await shop.advance({ tradingId: id, track: 'delivery', to: 'delivered' })

    const history = shop.store.state.trades.get(id)!.history()
    const steps = history.map((p) => `${p.order.status}/${p.delivery.status}/${p.payment.status} ${p.cause ?? ''}`.trim())
    expect(steps.slice(-5)).toEqual([
      'ready/shipped/authorized',
      'ready/shipped/captured rule:capture_on_ship',
      'ready/in_transit/captured',
      'ready/delivered/captured',
      'completed/delivered/captured rule:complete_when_delivered_and_paid',
    ])
  })

  it('applies no rule while it is off, and keeps settings across a restart', async () => {
    const dir = await tempDir('shop')
    const server = await startTestShop(dir)
    const shop = server.shop
    const [buyer] = await registerBuyers(shop, new Random(1))
    const id = (await placeRandomOrder(shop, new Random(2), buyer!, 'card'))!
    await shop.advance({ tradingId: id, track: 'payment', to: 'authorized' })
    await shop.advance({ tradingId: id, track: 'order', to: 'cancelled' })
    expect(shop.store.state.trades.get(id)!.present.payment.status).toBe('authorized')
    await shop.saveSettings(ALL_RULES)
    await closeAll()

    const again = await startTestShop(dir)

    expect(again.shop.settings()).toEqual(ALL_RULES)
  })
})

describe('simulators', () => {
  async function story(seed: number) {
    const server = await startTestShop()
    const shop = server.shop
    await shop.saveSettings(ALL_RULES)
    const rng = new Random(seed)
    const clock = new ManualScheduler()
    startGateway(shop, rng, clock, { authorizeMs: 1000, declineRate: 0.3 })
    startCarrier(shop, rng, clock, { transitMs: 2000, deliverMs: 3000, returnRate: 0.3 })
    const buyers = await registerBuyers(shop, rng)
    const ids: string[] = []
    for (let i = 0; i < 6; i++) ids.push((await placeRandomOrder(shop, rng, rng.pick(buyers)))!)
    await new Promise((r) => setImmediate(r))
    await clock.advance(10_000)
    for (const id of ids) {
      const present = shop.store.state.trades.get(id)!.present
      if (present.payment.status !== 'authorized') continue
      await shop.advance({ tradingId: id, track: 'order', to: 'in_preparation' })
      await shop.advance({ tradingId: id, track: 'order', to: 'ready' })
      await shop.advance({ tradingId: id, track: 'delivery', to: 'shipped', carrier: 'DHL', trackingNo: 'X1' })
    }
    await new Promise((r) => setImmediate(r))
    await clock.advance(60_000)
    const out = ids.map((id) => {
      const t = shop.store.state.trades.get(id)!
      return t.history().map((p) => `${p.order.status}/${p.delivery.status}/${p.payment.status}/${p.cause ?? '-'}`)
    })
    await closeAll()
    return out
  }

  it('replay the same story from the same seed, with declines and returns', async () => {
    const first = await story(42)
    const second = await story(42)

    expect(second).toEqual(first)
    const flat = first.flat().join(' ')
    expect(flat).toContain('sim:gateway')
    expect(flat).toContain('sim:carrier')
    expect(flat).toMatch(/failed|returned/)
  })
})

describe('training scenarios', () => {
  it.each(['first-order', 'declined-payment', 'return-and-refund'])(
    '%s starts, and its goal is reached by the moves a trainee makes',
    async (scenarioId) => {
      const server = await startTestShop()
      const shop = server.shop
      const rng = new Random(3)
      const buyers = await registerBuyers(shop, rng)
      const scenario = SCENARIOS.find((s) => s.id === scenarioId)!
      const log: string[] = []
      const ids = await scenario.setup({
        shop, rng, clock: new ManualScheduler(), buyers, traineeBuyerId: null,
        drill: (b) => shop.drillMismatch(b), log: (t) => log.push(t),
      })
      const state = () => ({
        tradingIds: ids,
        present: new Map(ids.map((id) => [id, shop.store.state.trades.get(id)!.present])),
        warningOpened: false,
      })
      expect(scenario.reached(state())).toBe(false)
      const id = ids[0]!
      const trainee: Record<string, Array<[string, string, object?]>> = {
        'first-order': [
          ['order', 'in_preparation'], ['order', 'ready'],
          ['delivery', 'shipped', { carrier: 'DHL', trackingNo: 'T1' }],
          ['payment', 'captured'], ['delivery', 'in_transit'], ['delivery', 'delivered'],
          ['order', 'completed'],
        ],
        'declined-payment': [['order', 'cancelled'], ['delivery', 'cancelled']],
        'return-and-refund': [['payment', 'refunded'], ['order', 'cancelled']],
      }
      for (const [track, to, extra] of trainee[scenarioId]!) {
        await shop.advance({ tradingId: id, track: track as never, to, ...extra })
      }

      expect(scenario.reached(state())).toBe(true)
      expect(log.length).toBeGreaterThan(0)
    },
  )
})
