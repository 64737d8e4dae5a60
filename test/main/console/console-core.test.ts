import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ConsoleCore } from '../../../main/console/console-core.js'
import { dispatch } from '../../../main/console/dispatch.js'
import { createLogger } from '../../../server/logger.js'
import type { ConsolePlatform, DialogSpec } from '../../../main/console/platform.js'
import { removeTempDirs, tempDir } from '../../support/temp-dir.js'

class RecordingPlatform implements ConsolePlatform {
  dialogs: Array<{ windowId: number | null; spec: DialogSpec }> = []
  notes: Array<{ title: string; body: string }> = []
  answer = 0
  #waiters: Array<() => void> = []

  async showDialog(windowId: number | null, spec: DialogSpec) {
    this.dialogs.push({ windowId, spec })
    for (const w of this.#waiters.splice(0)) w()
    return this.answer
  }

  notify(note: { title: string; body: string }) {
    this.notes.push(note)
  }

  async openBuyerWindow() {
    return true
  }

  async printReceipt() {
    return { saved: null, printInPage: true }
  }

  nextDialog() {
    return new Promise<void>((r) => this.#waiters.push(r))
  }
}

const cores: ConsoleCore[] = []
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close()
  await removeTempDirs()
})

async function openCore(userData: string, platform = new RecordingPlatform()) {
  const core = await ConsoleCore.open({ userData, platform, logger: createLogger('silent') })
  cores.push(core)
  return { core, platform }
}

async function call(core: ConsoleCore, name: string, payload: unknown = {}, windowId = 1) {
  const outcome = await dispatch(core.handlers, name, payload, { windowId })
  if (!outcome.ok) throw new Error(`${name}: ${outcome.error.code} ${outcome.error.message}`)
  return outcome.value as any
}

function nextEvent(core: ConsoleCore, name: string, match: (p: any) => boolean = () => true) {
  return new Promise<any>((resolve) => {
    const listener = (event: string, payload: unknown) => {
      if (event === name && match(payload)) {
        core.events.off('out', listener)
        resolve(payload)
      }
    }
    core.events.on('out', listener)
  })
}

describe('the console core', () => {
  it('runs a shop and a buyer on one computer, end to end', async () => {
    const userData = await tempDir('console')
    const { core } = await openCore(userData)
    await call(core, 'shop:configure', { port: 0 })
    const shop = await call(core, 'shop:start')
    expect(shop).toMatchObject({ running: true, url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/) })

    const buyer = await call(core, 'buyer:connect', {
      url: shop.url, name: 'Ada', password: 'analytical', mode: 'register',
    })
    const placedEvent = nextEvent(core, 'buyer:trade')
    const order = await call(core, 'buyer:placeOrder', {
      items: [{ sku: 'MUG-STONE', quantity: 2 }],
      shipTo: { name: 'Ada', address: '12 St James Square' },
      payment: { method: 'card' },
    })
    expect(order.state).toBe('placed')
    const { trade } = await placedEvent
    const moved = nextEvent(core, 'buyer:trade', (p) => p.trade.present?.order.status === 'in_preparation')
    await call(core, 'merchant:advance', {
      tradingId: order.tradingId, track: 'order', to: 'in_preparation',
    })

    expect(trade.trading.tradingId).toBe(order.tradingId)
    expect((await moved).shopId).toBe(buyer.shop.shopId)
    const board = await call(core, 'merchant:trades')
    expect(board.map((t: any) => t.trading.tradingId)).toEqual([order.tradingId])
    const buyers = await call(core, 'merchant:buyers')
    expect(buyers).toEqual([{ buyerId: buyer.shop.buyerId, name: 'Ada', devices: 1, trades: 1 }])
  })

  it('warns in a buyer window about a stray update and opens the warnings view', async () => {
    const userData = await tempDir('console')
    const { core, platform } = await openCore(userData)
    await call(core, 'shop:configure', { port: 0 })
    const shop = await call(core, 'shop:start')
    const buyer = await call(core, 'buyer:connect', {
      url: shop.url, name: 'Ada', password: 'analytical', mode: 'register',
    }, 7)
    await call(core, 'window:hello', { role: 'merchant' }, 3)
    await call(core, 'window:hello', { role: 'buyer' }, 7)
    const shown = platform.nextDialog()
    const navigate = nextEvent(core, 'ui:navigate')

    const { tradingId } = await call(core, 'merchant:drill', { buyerId: buyer.shop.buyerId }, 3)
    await shown

    expect(platform.dialogs[0]!.windowId).toBe(7)
    expect(platform.dialogs[0]!.spec).toMatchObject({ kind: 'warning', buttons: ['Show warnings', 'Dismiss'] })
    expect(platform.dialogs[0]!.spec.message).toContain(tradingId)
    expect(await navigate).toEqual({ view: 'buyer/warnings' })
    const state = await call(core, 'buyer:state')
    expect(state.trades).toEqual([])
    expect(state.warnings).toHaveLength(1)
  })

  it('keeps the shop running and the buyer signed in across a restart', async () => {
    const userData = await tempDir('console')
    const first = await openCore(userData)
    await call(first.core, 'shop:configure', { port: 0 })
    const shop = await call(first.core, 'shop:start')
    await call(first.core, 'buyer:connect', {
      url: shop.url, name: 'Ada', password: 'analytical', mode: 'register',
    })
    const order = await call(first.core, 'buyer:placeOrder', {
      items: [{ sku: 'TEA-SEN-100', quantity: 1 }],
      shipTo: { name: 'Ada', address: 'Somewhere 1' },
      payment: { method: 'invoice' },
    })
    await first.core.close()
    cores.splice(0)

    const second = await openCore(userData)

    const state = await call(second.core, 'console:state')
    expect(state.shop).toMatchObject({ running: true, port: shop.port })
    expect(state.shops).toHaveLength(1)
    const buyer = await call(second.core, 'buyer:state')
    expect(buyer.trades.map((t: any) => t.trading.tradingId)).toEqual([order.tradingId])
  })

  it('runs the mismatch drill: the goal is reached when the trainee opens the warning', async () => {
    const { core, platform } = await openCore(await tempDir('console'))
    await call(core, 'shop:configure', { port: 0 })
    await call(core, 'demo:reset')
    const url = core.shop.status().url
    await call(core, 'buyer:connect', {
      url, name: 'Trainee', password: 'trainee-password', mode: 'register',
    }, 5)
    await call(core, 'window:hello', { role: 'buyer' }, 5)
    const reached = nextEvent(core, 'training:progress', (run) => run.goalReached)

    await call(core, 'training:start', { scenarioId: 'mismatch-drill' })

    expect((await reached).scenarioId).toBe('mismatch-drill')
    expect(platform.dialogs.at(-1)!.windowId).toBe(5)
    expect(core.shop.profile).toBe('demo')
    const stopped = await call(core, 'demo:stop')
    expect(stopped.active).toBe(false)
  })

  it('refuses unknown requests and bad payloads with invalid_request', async () => {
    const { core } = await openCore(await tempDir('console'))
    for (const [name, payload] of [
      ['no:such', {}],
      ['__proto__', {}],
      ['shop:configure', { port: -1 }],
      ['buyer:connect', { url: 'javascript:alert(1)', name: 'a', password: '12345678', mode: 'register' }],
      ['merchant:advance', { tradingId: 'x' }],
    ] as const) {
      const outcome = await dispatch(core.handlers, name, payload, { windowId: 1 })
      expect(outcome).toMatchObject({ ok: false, error: { code: 'invalid_request' } })
    }
    const notRunning = await dispatch(core.handlers, 'merchant:trades', {}, { windowId: 1 })
    expect(notRunning).toMatchObject({ ok: false, error: { code: 'not_running' } })
  })

  it('tells the buyer to sign in again to a shop whose saved session the keyring cannot open', async () => {
    const userData = await tempDir('console')
    await writeFile(join(userData, 'console.json'), JSON.stringify({
      version: 1,
      shop: { port: 0, autostart: false },
      shops: [{ shopId: 'http://127.0.0.1:1|B-1', url: 'http://127.0.0.1:1', name: 'Corner Shop', buyerId: 'B-1', sealedToken: 'sealed elsewhere' }],
      activeShopId: 'http://127.0.0.1:1|B-1',
    }))

    const { core, platform } = await openCore(userData)

    expect(core.state()).toMatchObject({ shops: [], activeShopId: null })
    expect(platform.notes).toEqual([expect.objectContaining({ title: 'Sign in to Corner Shop again' })])
  })
})
