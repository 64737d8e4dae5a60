import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserHost } from '../../main/browser-host/host-server.js'
import { removeTempDirs, tempDir } from '../support/temp-dir.js'
import { launchBrowser, openPage, RENDERER, startHost } from './browser.js'

let browser: Browser
let host: BrowserHost

beforeAll(async () => {
  browser = await launchBrowser()
  host = await startHost(await tempDir('e2e-security'))
}, 60_000)

afterAll(async () => {
  await host?.close()
  await browser?.close()
  await removeTempDirs()
})

function scriptSources(csp: string): string {
  const directive = csp.split(';').map((d) => d.trim())
    .find((d) => d.startsWith('script-src')) ?? csp.split(';').find((d) => d.trim().startsWith('default-src'))
  return directive ?? ''
}

describe('the renderer', () => {
  it('has no Node, no raw IPC, and exactly the contract on window.tradepost', async () => {
    const page = await openPage(browser, host.url)
    await page.getByRole('heading', { name: 'Welcome to Tradepost' }).waitFor()

    const globals = await page.evaluate(() => ({
      require: typeof (globalThis as any).require,
      process: typeof (globalThis as any).process,
      ipcRenderer: typeof (globalThis as any).ipcRenderer,
      electron: typeof (globalThis as any).electron,
    }))
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', ipcRenderer: 'undefined', electron: 'undefined' })
    // The API object the Electron preload exposes is checked key by key
    // in test/main/electron/preload.test.ts.
  })

  it('refuses inline scripts and eval under its Content-Security-Policy', async () => {
    const html = await readFile(join(RENDERER, 'index.html'), 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? ''
    const header = (await fetch(host.url)).headers.get('content-security-policy') ?? ''

    for (const csp of [meta, header]) {
      expect(csp).not.toBe('')
      expect(scriptSources(csp)).not.toMatch(/unsafe-inline|unsafe-eval|\*/)
    }
    const page = await openPage(browser, host.url)
    await page.getByRole('heading', { name: 'Welcome to Tradepost' }).waitFor()
    const ran = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const g = globalThis as any
          g.document.addEventListener('securitypolicyviolation', (e: any) =>
            resolve(`blocked by ${e.violatedDirective}`),
          )
          const script = g.document.createElement('script')
          script.textContent = 'globalThis.__inline = true'
          g.document.body.append(script)
          setTimeout(() => resolve(g.__inline === true ? 'inline ran' : 'silent'), 2000)
        }),
    )
    expect(ran).toMatch(/^blocked by script-src/)
  })

  it('does not let a page from another origin drive the console', async () => {
    const page = await openPage(browser, 'about:blank')
    const outcome = await page.evaluate(
      (url) =>
        new Promise<string>((resolve) => {
          const ws = new WebSocket(url.replace('http', 'ws') + '/bridge')
          ws.onopen = () => resolve('open')
          ws.onerror = () => resolve('refused')
        }),
      host.url,
    )
    expect(outcome).toBe('refused')
  })
})
