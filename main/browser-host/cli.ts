import { existsSync } from 'node:fs'
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { fileURLToPath } from 'node:url'
import { createLogger, type LogLevel } from '../../server/logger.js'
import { startBrowserHost } from './host-server.js'
import { stopOnSignals } from '../../server/stop-on-signals.js'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

const HELP = `Tradepost console in a browser (no Electron needed)

  npm run preview:browser -- [--port N] [--user-data DIR] [--log LEVEL]

  --port        port of the page (default 5180; 0 picks a free one)
  --user-data   the console's data folder (default ~/.tradepost/console),
                where the embedded shop and the trading files live
  --log         log level (default info)

Open the printed address in a browser. The page talks to the same core
the desktop app runs; native dialogs and notifications show in the page.`

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'user-data': { type: 'string' },
      log: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help === true) return console.log(HELP)
  const rendererDir = join(ROOT, 'out', 'renderer')
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error('the renderer is not built yet: run `npm run build` first')
  }
  const host = await startBrowserHost({
    userData: resolve(values['user-data'] ?? join(homedir(), '.tradepost', 'console')),
    rendererDir,
    port: Number(values.port ?? 5180),
    logger: createLogger((values.log ?? 'info') as LogLevel),
  })
  console.error(`\n  Tradepost console at ${host.url}\n`)
  stopOnSignals(() => host.close())
}

main().catch((err: unknown) => {
  console.error(`tradepost: ${err instanceof Error ? err.message : String(err)}`)
  process.exit(1)
})
