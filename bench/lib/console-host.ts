import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { cp, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { ROOT, startChild, type Child } from './procs.js'
import type { Context } from './scenario.js'

// The whole console in Chromium, as `npm run preview:browser` serves it:
// a browser host (main/browser-host/cli.ts, a child process) over a
// console data folder whose embedded shop was seeded with N trades.

export const RENDERER_DIR = join(ROOT, 'out', 'renderer')

// The newest modification time under `dir`, in ms.
function newest(dir: string): number {
  let t = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    t = Math.max(t, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs)
  }
  return t
}

// The browser host serves the built renderer (out/renderer). It is built
// here when it is missing or older than its sources, so that the figures
// are those of the code in the tree.
export function ensureRendererBuilt(ctx: Context): void {
  const index = join(RENDERER_DIR, 'index.html')
  const sources = Math.max(newest(join(ROOT, 'renderer')), newest(join(ROOT, 'shared')))
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return
  ctx.progress('board: building the renderer (electron-vite build)')
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
}

// Which build of the renderer is served: its entry script's name, which
// carries a hash of its contents.
export function rendererBuild(): string | null {
  try {
    const html = readFileSync(join(RENDERER_DIR, 'index.html'), 'utf8')
    return /src="[^"]*\/(index-[^"]+\.js)"/.exec(html)?.[1] ?? null
  } catch {
    return null
  }
}

// A console data folder whose embedded shop holds the seed of `trades`
// trades (the shop lives in <data>/shop) and starts with the console, on
// a free port.
export async function consoleWithShop(ctx: Context, trades: number): Promise<string> {
  const seed = await ctx.seeds.get(trades)
  const userData = await ctx.temp.sub(`console-${trades}`)
  await cp(seed.dir, join(userData, 'shop'), { recursive: true })
  const settings = { version: 1, shop: { port: 0, autostart: true }, shops: [], activeShopId: null }
  await writeFile(join(userData, 'console.json'), JSON.stringify(settings))
  return userData
}

// `node --import tsx main/browser-host/cli.ts --port 0 --user-data DIR`,
// as `npm run preview:browser` runs it: resolves once it prints its
// address (after its embedded shop has started).
export function startConsoleHost(userData: string): Promise<Child> {
  return startChild({
    script: 'main/browser-host/cli.ts',
    nodeArgs: ['--import', 'tsx'],
    args: ['--port', '0', '--user-data', userData, '--log', 'silent'],
    ready: /console at (http:\/\/\S+)/,
    timeoutMs: 120_000,
  })
}

// The same Chromium, with the same flags, as the e2e tests.
export { launchBrowser as launchChromium } from '../../test/e2e/browser.js'
