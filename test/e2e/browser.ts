import { existsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type Page } from 'playwright-core'
import { startBrowserHost, type BrowserHost } from '../../main/browser-host/host-server.js'
import { createLogger } from '../../server/logger.js'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
export const RENDERER = join(ROOT, 'out', 'renderer')
export const SHOTS = join(ROOT, 'test-results', 'e2e')

// A system Chromium (CHROMIUM_PATH, else Debian's), else Playwright's own.
export function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']
  return candidates.find((p) => p != null && existsSync(p))
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(join(RENDERER, 'index.html'))) {
    throw new Error('build the renderer first: npm run build')
  }
  const executablePath = chromiumPath()
  return chromium.launch({
    headless: true,
    ...(executablePath != null ? { executablePath } : {}),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
}

export async function startHost(userData: string, port = 0): Promise<BrowserHost> {
  return startBrowserHost({
    userData,
    rendererDir: RENDERER,
    port,
    logger: createLogger('silent'),
  })
}

export async function openPage(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 820 } })
  // A step that cannot happen fails with Playwright's own message, in time.
  context.setDefaultTimeout(15_000)
  const page = await context.newPage()
  const problems: string[] = []
  page.on('pageerror', (err) => problems.push(String(err)))
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(msg.text())
  })
  ;(page as Page & { problems: string[] }).problems = problems
  await page.goto(url)
  return page
}

export function problemsOf(page: Page): string[] {
  return (page as Page & { problems?: string[] }).problems ?? []
}

export async function shot(page: Page, name: string): Promise<void> {
  await mkdir(SHOTS, { recursive: true })
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true })
}
