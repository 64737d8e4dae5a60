import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserHost } from '../../main/browser-host/host-server.js'
import { removeTempDirs, tempDir } from '../support/temp-dir.js'
import { launchBrowser, openPage, problemsOf, shot, startHost } from './browser.js'

// The whole console in a real Chromium through the browser host: one
// merchant page and one buyer page on the same host, as on one computer.

let browser: Browser
let host: BrowserHost
let userData: string
let merchant: Page
let buyer: Page
let shopUrl = ''
let tradingId = ''

beforeAll(async () => {
  browser = await launchBrowser()
  userData = await tempDir('e2e-console')
  host = await startHost(userData)
  // A free port for the embedded shop, kept from then on.
  await host.core.handlers['shop:configure']({ port: 0 }, { windowId: null })
}, 60_000)

afterAll(async () => {
  await host?.close()
  await browser?.close()
  await removeTempDirs()
})

const pill = (page: Page, track: string, status: string) =>
  page.locator(`.page-header .pill[data-track="${track}"][data-status="${status}"]`)

async function move(button: string, confirm?: string) {
  const panel = merchant.getByRole('complementary')
  await panel.getByRole('button', { name: button, exact: true }).click()
  if (confirm != null) {
    await merchant.getByRole('dialog').getByRole('button', { name: confirm }).click()
  }
}

describe('the console journey', () => {
  it('starts a shop from the welcome screen', async () => {
    merchant = await openPage(browser, host.url)
    await expect.poll(() => merchant.getByRole('heading', { name: 'Welcome to Tradepost' }).count()).toBe(1)
    await shot(merchant, '01-welcome')

    await merchant.getByRole('button', { name: 'Run my shop on this computer' }).click()

    await merchant.getByRole('heading', { name: 'Orders' }).waitFor()
    await merchant.getByText('No trades yet').waitFor()
    await shot(merchant, '02-merchant-board-empty')
    await merchant.getByRole('link', { name: 'Shop', exact: true }).click()
    await merchant.getByRole('heading', { name: 'Shop', exact: true }).waitFor()
    shopUrl = host.core.shop.status().url!
    await merchant.getByText(shopUrl.replace('http://', '')).first().waitFor()
    await shot(merchant, '03-merchant-shop')
    await merchant.getByRole('link', { name: 'Catalog', exact: true }).click()
    await merchant.getByRole('button', { name: 'Edit Stoneware mug, 350 ml' }).waitFor()
    await shot(merchant, '04-merchant-catalog')
  })

  it('lets a buyer register, browse and order', async () => {
    buyer = await openPage(browser, host.url)
    await buyer.getByRole('button', { name: 'Shop at a merchant' }).click()
    await buyer.getByLabel('Shop address').fill(shopUrl)
    await buyer.getByLabel('Your name').fill('Ada Buyer')
    await buyer.getByLabel('Password').fill('analytical-engine')
    await shot(buyer, '05-buyer-connect')
    await buyer.getByRole('button', { name: 'Create account' }).click()

    await buyer.getByRole('button', { name: 'Add Stoneware mug, 350 ml to cart' }).waitFor()
    await buyer.getByRole('button', { name: 'Increase quantity of Stoneware mug, 350 ml' }).click()
    await buyer.getByRole('button', { name: 'Add Stoneware mug, 350 ml to cart' }).click()
    await shot(buyer, '06-buyer-catalog')
    await buyer.getByRole('link', { name: 'Cart', exact: true }).click()
    await buyer.getByLabel('Recipient name').fill('Ada Buyer')
    await buyer.getByLabel('Delivery address').fill('12 St James Square\nLondon')
    await buyer.getByRole('radio', { name: 'Card' }).check()
    await shot(buyer, '07-buyer-cart')
    await buyer.getByRole('button', { name: 'Place order' }).click()

    await buyer.getByRole('heading', { name: 'Order placed' }).waitFor()
    await shot(buyer, '08-buyer-order-placed')
    const trades = await host.core.handlers['merchant:trades']({}, { windowId: null })
    expect(trades).toHaveLength(1)
    tradingId = trades[0]!.trading.tradingId
    expect(trades[0]!.trading.items).toEqual([
      { sku: 'MUG-STONE', name: 'Stoneware mug, 350 ml', quantity: 2, unitPriceMinor: 1800 },
    ])
  })

  it('takes every track to complete while the buyer watches live', async () => {
    await buyer.getByRole('link', { name: 'My trades', exact: true }).click()
    await buyer.getByRole('link', { name: `Trade ${tradingId}` }).click()
    await pill(buyer, 'order', 'accepted').waitFor()
    await merchant.getByRole('link', { name: 'Orders', exact: true }).click()
    await merchant.getByRole('link', { name: `Trade ${tradingId}` }).click()
    await shot(merchant, '09-merchant-trade-panel')

    const steps: Array<[string, string, string, (() => Promise<void>)?]> = [
      ['Start preparing', 'order', 'in_preparation'],
      ['Authorize payment', 'payment', 'authorized'],
      ['Mark ready', 'order', 'ready'],
      ['Ship…', 'delivery', 'shipped', async () => {
        const dialog = merchant.getByRole('dialog', { name: 'Ship this trade' })
        await dialog.getByLabel('Carrier').fill('DHL')
        await dialog.getByLabel('Tracking number').fill('JD014600006281')
        await shot(merchant, '10-merchant-ship-dialog')
        await dialog.getByRole('button', { name: 'Mark shipped' }).click()
      }],
      ['Mark in transit', 'delivery', 'in_transit'],
      ['Capture payment', 'payment', 'captured'],
      ['Mark delivered', 'delivery', 'delivered'],
      ['Complete order', 'order', 'completed'],
    ]
    for (const [button, track, status, more] of steps) {
      await move(button)
      await more?.()
      // The buyer's page changes by itself: no reload, no navigation.
      await pill(buyer, track, status).waitFor({ timeout: 10_000 })
    }

    await buyer.getByText('JD014600006281').first().waitFor()
    await expect.poll(() => buyer.getByRole('list', { name: 'Processing history' }).getByRole('listitem').count()).toBe(9)
    await shot(buyer, '11-buyer-trade-detail-complete')
    await merchant.getByTestId('trade-state').getByText(/complete/i).waitFor()
    await shot(merchant, '12-merchant-trade-complete')
    await buyer.getByRole('link', { name: 'My trades', exact: true }).click()
    await shot(buyer, '13-buyer-trades')
  })

  it('shows the mismatch drill as a warning dialog and lists it', async () => {
    await merchant.getByRole('link', { name: 'Shop', exact: true }).click()
    await merchant.getByRole('button', { name: 'Mismatch drill for Ada Buyer' }).click()

    const dialog = buyer.getByRole('alertdialog')
    await dialog.waitFor()
    await expect.poll(() => dialog.textContent()).toMatch(/trading ID T-/)
    await dialog.evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a: { finished: Promise<unknown> }) => a.finished)))
    await shot(buyer, '14-buyer-mismatch-dialog')
    await dialog.getByRole('button', { name: 'Show warnings' }).click()

    await buyer.getByRole('heading', { name: 'Unknown trading ID' }).waitFor()
    await buyer.getByText('Show the stray update').click()
    await shot(buyer, '15-buyer-warnings')
    const state = await host.core.handlers['buyer:state']({}, { windowId: null })
    expect(state!.warnings).toHaveLength(1)
    expect(state!.trades).toHaveLength(1)
  })

  it('queues an order while the shop is stopped and places it when it starts', async () => {
    await merchant.getByRole('button', { name: 'Stop shop' }).click()
    await merchant.getByRole('button', { name: 'Start shop' }).waitFor()
    await buyer.getByTestId('connection-status').getByText('Offline').waitFor({ timeout: 10_000 })

    await buyer.getByRole('link', { name: 'Catalog', exact: true }).click()
    await buyer.getByRole('button', { name: 'Add Japanese sencha, 100 g to cart' }).click()
    await buyer.getByRole('link', { name: 'Cart', exact: true }).click()
    await buyer.getByLabel('Recipient name').fill('Ada Buyer')
    await buyer.getByLabel('Delivery address').fill('12 St James Square')
    await buyer.getByRole('button', { name: 'Place order' }).click()
    await buyer.getByTestId('order-state').getByText(/Queued/).waitFor()
    await shot(buyer, '16-buyer-order-queued')
    await buyer.getByRole('link', { name: 'My trades', exact: true }).click()
    await buyer.getByTestId('pending-order').waitFor()
    await shot(buyer, '17-buyer-trades-pending')

    await merchant.getByRole('button', { name: 'Start shop' }).click()

    await buyer.getByTestId('pending-order').waitFor({ state: 'detached', timeout: 15_000 })
    await expect.poll(() => buyer.getByRole('link', { name: /^Trade T-/ }).count()).toBe(2)
    const trades = await host.core.handlers['merchant:trades']({}, { windowId: null })
    expect(trades).toHaveLength(2)
    await merchant.getByRole('link', { name: 'Orders', exact: true }).click()
    await expect.poll(() => merchant.getByRole('link', { name: /^Trade T-/ }).count()).toBe(2)
    await shot(merchant, '18-merchant-board')
  })

  it('keeps the buyer\'s trades after the host restarts', async () => {
    const before = await host.core.handlers['buyer:state']({}, { windowId: null })
    await host.close()
    host = await startHost(userData)

    const page = await openPage(browser, `${host.url}/#/buyer/trades`)

    await expect.poll(() => page.getByRole('link', { name: /^Trade T-/ }).count(), { timeout: 10_000 }).toBe(2)
    const after = await host.core.handlers['buyer:state']({}, { windowId: null })
    expect(after!.trades.map((t) => t.trading.tradingId).sort())
      .toEqual(before!.trades.map((t) => t.trading.tradingId).sort())
    await shot(page, '19-buyer-trades-after-restart')
    expect(problemsOf(merchant)).toEqual([])
    expect(problemsOf(page)).toEqual([])
  })
})
