import { readFile } from 'node:fs/promises'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserHost } from '../../main/browser-host/host-server.js'
import { removeTempDirs, tempDir } from '../support/temp-dir.js'
import { launchBrowser, openPage, shot, startHost } from './browser.js'

// Running a shop day to day, and the trainer's demo shop, in Chromium
// through the browser host.

let browser: Browser
let host: BrowserHost
let merchant: Page
const ctx = { windowId: null }

beforeAll(async () => {
  browser = await launchBrowser()
  host = await startHost(await tempDir('e2e-ops'))
  await host.core.handlers['shop:configure']({ port: 0 }, ctx)
  merchant = await openPage(browser, host.url)
  await merchant.getByRole('button', { name: 'Run my shop on this computer' }).click()
  await merchant.getByRole('heading', { name: 'Orders' }).waitFor()
}, 60_000)

afterAll(async () => {
  await host?.close()
  await browser?.close()
  await removeTempDirs()
})

async function placeOrder(name: string): Promise<string> {
  const url = host.core.shop.status().url!
  const shop = host.core.shop.server!.shop
  const session = await shop.register({ name, password: 'long enough password' })
  const trading = await shop.placeOrder(session.buyerId, {
    requestId: `e2e-${name.replace(/\W/g, '')}-${Date.now()}`,
    items: [{ sku: 'MUG-STONE', quantity: 1 }],
    shipTo: { name, address: '1 Test Street' },
    payment: { method: 'card' },
  })
  expect(url).toMatch(/^http/)
  return trading.tradingId
}

describe('day-to-day operations', () => {
  it('fires the rules: shipping captures the payment, delivery completes the order', async () => {
    await merchant.getByRole('link', { name: 'Shop', exact: true }).click()
    await merchant.getByRole('switch', { name: /Capture an authorized payment/ }).click()
    await merchant.getByRole('switch', { name: /Complete the order when it is delivered/ }).click()
    await merchant.getByRole('button', { name: 'Save rules and thresholds' }).click()
    await merchant.getByText('Rules and thresholds saved').waitFor()
    await shot(merchant, 'ops-01-rules')
    const id = await placeOrder('Rule Tester')

    await merchant.getByRole('link', { name: 'Orders', exact: true }).click()
    await merchant.getByRole('link', { name: `Trade ${id}` }).click()
    const panel = merchant.getByRole('complementary')
    for (const step of ['Authorize payment', 'Start preparing', 'Mark ready']) {
      await panel.getByRole('button', { name: step, exact: true }).click()
    }
    await panel.getByRole('button', { name: 'Ship…' }).click()
    const dialog = merchant.getByRole('dialog', { name: 'Ship this trade' })
    await dialog.getByLabel('Carrier').fill('UPS')
    await dialog.getByLabel('Tracking number').fill('1Z999')
    await dialog.getByRole('button', { name: 'Mark shipped' }).click()
    for (const step of ['Mark in transit', 'Mark delivered']) {
      await panel.getByRole('button', { name: step, exact: true }).click()
    }

    await panel.locator('[data-cause="rule:complete_when_delivered_and_paid"]').first().waitFor()
    await panel.locator('[data-cause="rule:capture_on_ship"]').first().waitFor()
    const trade = host.core.shop.server!.shop.store.state.trades.get(id)!
    expect(trade.present).toMatchObject({
      order: { status: 'completed' }, delivery: { status: 'delivered' }, payment: { status: 'captured' },
    })
    await shot(merchant, 'ops-02-rule-timeline')
  })

  it('flags a trade that waits too long, on the board and in the title', async () => {
    const id = await placeOrder('Slow Walker')
    // A page whose clock the test moves: a day passes in a moment.
    const context = await browser.newContext({ viewport: { width: 1280, height: 820 } })
    context.setDefaultTimeout(15_000)
    const page = await context.newPage()
    await page.clock.install()
    await page.goto(`${host.url}/#/merchant/board`)
    await page.getByRole('link', { name: `Trade ${id}` }).waitFor()
    await expect.poll(() => page.getByTestId('needs-attention').count()).toBe(0)

    await page.clock.fastForward('26:00:00')

    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: `Trade ${id}` }) })
    await row.getByTestId('needs-attention').waitFor()
    await expect.poll(() => page.title()).toMatch(/^\(\d+\) Tradepost/)
    await shot(page, 'ops-03-attention')
    await page.close()
  })

  it('exports the board\'s selection as CSV', async () => {
    await merchant.getByRole('link', { name: 'Orders', exact: true }).click()
    await merchant.getByLabel('Search trades').fill('Rule Tester')
    const download = merchant.waitForEvent('download')
    await merchant.getByRole('button', { name: 'Export CSV' }).click()
    const file = await download

    const csv = await readFile((await file.path())!, 'utf8')
    const lines = csv.trim().split(/\r?\n/)
    expect(file.suggestedFilename()).toMatch(/^tradepost-trades-\d{4}-\d{2}-\d{2}\.csv$/)
    expect(lines[0]).toContain('tradingId')
    expect(lines).toHaveLength(2)
    expect(lines[1]).toContain('Rule Tester')
    expect(lines[1]).toContain('completed')
    expect(lines[1]).toContain('1Z999')
    await merchant.getByLabel('Search trades').fill('')
  })

  it('lays out a receipt for the app to make a PDF of, and says when it cannot', async () => {
    const id = await placeOrder('Receipt Reader')
    const page = await openPage(browser, `${host.url}#/receipt/${encodeURIComponent(id)}/pdf`)
    const mark = () => page.locator('html').getAttribute('data-receipt')
    try {
      await expect.poll(mark, { timeout: 15_000 }).toBe('ready')
      await page.getByText('Receipt Reader').first().waitFor()
      await shot(page, 'ops-08-receipt')

      await page.goto(`${host.url}#/receipt/T-00000000000000000000000000/pdf`)
      await page.reload()
      await expect.poll(mark, { timeout: 15_000 }).toBe('failed')
      await page.getByText('Trade not found').waitFor()
    } finally {
      await page.context().close()
    }
  })

  it('shows the dashboard', async () => {
    await merchant.getByRole('link', { name: 'Dashboard', exact: true }).click()
    await merchant.getByText('Orders and revenue per day').first().waitFor()
    await merchant.getByTestId('kpi-orders').waitFor()
    await merchant.waitForTimeout(400)
    await shot(merchant, 'ops-04-dashboard')
  })
})

describe('demo and training', () => {
  it('runs a training scenario from its start to its goal', async () => {
    await merchant.getByRole('link', { name: 'Training', exact: true }).click()
    await shot(merchant, 'ops-05-training')
    await merchant.getByRole('button', { name: 'Start scenario First order to complete' }).click()
    const banner = merchant.getByTestId('training-banner')
    await banner.waitFor()
    await banner.getByTestId('training-goal').getByText('In progress').waitFor()
    const link = banner.getByRole('link', { name: /^Scenario trade / })
    await link.click()

    const panel = merchant.getByRole('complementary')
    for (const step of ['Start preparing', 'Mark ready']) {
      await panel.getByRole('button', { name: step, exact: true }).click()
    }
    await panel.getByRole('button', { name: 'Ship…' }).click()
    const dialog = merchant.getByRole('dialog', { name: 'Ship this trade' })
    await dialog.getByLabel('Carrier').fill('DHL')
    await dialog.getByLabel('Tracking number').fill('JD77')
    await dialog.getByRole('button', { name: 'Mark shipped' }).click()
    // The demo shop's rules capture on ship and complete on delivery.
    for (const step of ['Mark in transit', 'Mark delivered']) {
      await panel.getByRole('button', { name: step, exact: true }).click()
    }

    await banner.getByTestId('training-goal').getByText(/Goal reached/).waitFor({ timeout: 15_000 })
    await shot(merchant, 'ops-06-training-goal')
    expect(host.core.training.status()?.goalReached).toBe(true)
  })

  it('resets the demo shop to its starting state in one click', async () => {
    const shop = host.core.shop.server!.shop
    expect(host.core.shop.profile).toBe('demo')
    expect(shop.store.state.trades.size).toBeGreaterThan(0)
    await merchant.getByRole('link', { name: 'Training', exact: true }).click()

    // Notifications sit over the bottom of the page; read, then dismiss.
    for (const close of await merchant.getByRole('button', { name: 'Dismiss notification' }).all()) {
      // One may leave by itself first.
      await close.click({ timeout: 1000 }).catch(() => undefined)
    }
    await merchant.getByRole('button', { name: 'Reset demo shop' }).click()
    await merchant.getByRole('button', { name: 'Yes, reset demo shop' }).click()

    await merchant.getByTestId('demo-state').getByText('Stopped').waitFor()
    // Seeding goes on after the shop is up: wait for the whole catalog.
    await expect.poll(() => host.core.shop.server?.shop.products().length, { timeout: 15_000 }).toBe(12)
    expect(host.core.shop.server!.shop.store.state.trades.size).toBe(0)
    await shot(merchant, 'ops-07-demo-reset')
  })
})
