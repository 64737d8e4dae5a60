import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { _electron, type ElectronApplication, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { removeTempDirs, tempDir } from '../support/temp-dir.js'

// The same journey as test/e2e, in the real Electron app. Needs Electron's
// binary (fetched by `npm start` on a machine with network), so it runs
// with `npm run test:electron`, not in `npm test`.

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
let app: ElectronApplication
let merchant: Page

beforeAll(async () => {
  app = await _electron.launch({
    args: [join(ROOT, 'out/main/index.js')],
    env: { ...process.env, TRADEPOST_USER_DATA: await tempDir('electron-profile') },
  })
  merchant = await app.firstWindow()
  // Answer native dialogs the way a user would: the first button.
  await app.evaluate(({ dialog }) => {
    dialog.showMessageBox = (async () => ({ response: 0, checkboxChecked: false })) as never
  })
}, 60_000)

afterAll(async () => {
  await app?.close()
  await removeTempDirs()
})

describe('the desktop console', () => {
  it('opens windows with isolation and sandbox on and Node off', async () => {
    // getLastWebPreferences is not in Electron's typings, but it is how a
    // window's effective preferences are read back.
    const prefs = await app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows().map((w) => (w.webContents as any).getLastWebPreferences()),
    )
    expect(prefs.length).toBeGreaterThan(0)
    for (const p of prefs) {
      expect(p).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false })
    }
    const globals = await merchant.evaluate(() => ({
      require: typeof (globalThis as any).require,
      process: typeof (globalThis as any).process,
      keys: Object.keys((globalThis as any).tradepost ?? {}).length,
    }))
    expect(globals).toMatchObject({ require: 'undefined', process: 'undefined' })
    expect(globals.keys).toBeGreaterThan(1)
  })

  it('refuses navigation away and window.open', async () => {
    const before = merchant.url()
    await merchant.evaluate(() => {
      ;(globalThis as any).open('https://example.com')
      ;(globalThis as any).location.href = 'https://example.com'
    })
    await merchant.waitForTimeout(500)
    expect(merchant.url()).toBe(before)
    expect(app.windows()).toHaveLength(1)
  })

  it('runs a shop, and a buyer window on it orders and sees the trade complete', async () => {
    await merchant.getByRole('button', { name: 'Run my shop on this computer' }).click()
    await merchant.getByRole('heading', { name: 'Orders' }).waitFor()
    const url = await merchant.getByText(/^http:\/\/127\.0\.0\.1:\d+$/).first().textContent()

    const opened = app.waitForEvent('window')
    await merchant.getByRole('link', { name: 'Shop', exact: true }).click()
    await merchant.getByRole('button', { name: 'Open a buyer window' }).click()
    const buyer = await opened
    await buyer.getByLabel('Shop address').fill(url!)
    await buyer.getByLabel('Your name').fill('Ada Buyer')
    await buyer.getByLabel('Password').fill('analytical-engine')
    await buyer.getByRole('button', { name: 'Create account' }).click()
    await buyer.getByRole('button', { name: 'Add Stoneware mug, 350 ml to cart' }).click()
    await buyer.getByRole('link', { name: 'Cart', exact: true }).click()
    await buyer.getByLabel('Recipient name').fill('Ada Buyer')
    await buyer.getByLabel('Delivery address').fill('12 St James Square')
    await buyer.getByRole('button', { name: 'Place order' }).click()
    await buyer.getByRole('heading', { name: 'Order placed' }).waitFor()

    await merchant.getByRole('link', { name: 'Orders', exact: true }).click()
    await merchant.getByRole('link', { name: /^Trade T-/ }).click()
    const panel = merchant.getByRole('complementary')
    for (const step of ['Start preparing', 'Capture payment', 'Mark ready']) {
      await panel.getByRole('button', { name: step, exact: true }).click()
    }
    await panel.getByRole('button', { name: 'Ship…' }).click()
    await merchant.getByRole('dialog').getByLabel('Carrier').fill('DHL')
    await merchant.getByRole('dialog').getByLabel('Tracking number').fill('JD1')
    await merchant.getByRole('dialog').getByRole('button', { name: 'Mark shipped' }).click()
    for (const step of ['Mark in transit', 'Mark delivered', 'Complete order']) {
      await panel.getByRole('button', { name: step, exact: true }).click()
    }

    await buyer.getByRole('link', { name: 'My trades', exact: true }).click()
    await buyer.locator('.pill[data-track="order"][data-status="completed"]').first().waitFor()
  })
})
