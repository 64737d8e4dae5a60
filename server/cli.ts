import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import type { LogLevel } from './logger.js'
import { DEFAULT_ORDER_RATE } from './net/buyer-namespace.js'
import type { Rate } from './shop/throttle.js'
import { DEFAULT_HOST, DEFAULT_PORT, startShopServer } from './shop-server.js'
import { stopOnSignals } from './stop-on-signals.js'

const HELP = `Tradepost shop server

  npm run server -- [--port N] [--data DIR] [--host ADDR] [--log LEVEL]
                    [--allow-origin URL]... [--order-rate N]
                    [--checkpoint-every SECONDS]

  --port   port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)
  --data   data folder (default ~/.tradepost/shop)
  --host   address to listen on (default ${DEFAULT_HOST}, this computer
           only). --host 0.0.0.0 serves other computers on your network:
           anyone who can reach this port can register and order, and
           anyone with the merchant key can manage the shop.
  --log    log level: fatal, error, warn, info, debug, silent (default info)
  --allow-origin
           a web origin (http://host:port) whose pages may use the shop,
           besides the shop's own; repeat for more. Native clients send no
           origin and are always let in.
  --order-rate
           orders a second one connection may place once its first 50 are
           spent (default 20); 0 turns the limit off, for benchmarks only.
  --checkpoint-every
           seconds between rewrites of the snapshot files (default 30; also
           after every 8 MiB of journal). Shorter means a shorter journal
           to replay at start, and more writing.

  TRADEPOST_MERCHANT_KEY, when set, is the merchant key (and it cannot be
  rotated from a merchant console).`

// TEST CONTROL for the fault harness (test/faults), never for a real
// shop: acknowledge changes before they are written, so the harness can
// show that its checker notices the losses this causes.
const UNSAFE_ACK = 'TRADEPOST_UNSAFE_ACK_BEFORE_WRITE'

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      data: { type: 'string' },
      host: { type: 'string' },
      log: { type: 'string' },
      'allow-origin': { type: 'string', multiple: true },
      'order-rate': { type: 'string' },
      'checkpoint-every': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help === true) {
    console.log(HELP)
    return
  }
  const port = values.port == null ? DEFAULT_PORT : Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be a whole number 0-65535, not ${values.port}`)
  }
  const dataDir = resolve(values.data ?? join(homedir(), '.tradepost', 'shop'))
  const server = await startShopServer({
    dataDir,
    port,
    host: values.host ?? DEFAULT_HOST,
    merchantKey: process.env.TRADEPOST_MERCHANT_KEY,
    logLevel: (values.log ?? 'info') as LogLevel,
    allowedOrigins: values['allow-origin'] ?? [],
    limits: { orders: orderRate(values['order-rate']) },
    checkpointEveryMs: seconds(values['checkpoint-every']),
    unsafeAckBeforeWrite: process.env[UNSAFE_ACK] === '1',
  })
  console.error(
    `\n  Tradepost shop at ${server.url}\n  data: ${dataDir}\n` +
      `  merchant key: ${server.merchantKey}\n`,
  )
  stopOnSignals(() => server.close())
}

function seconds(text: string | undefined): number | undefined {
  if (text == null) return undefined
  const n = Number(text)
  if (!Number.isFinite(n) || n <= 0) {
    throw new Error(`--checkpoint-every must be a number of seconds, not ${text}`)
  }
  return n * 1000
}

function orderRate(text: string | undefined): Rate | undefined {
  if (text == null) return undefined
  const n = Number(text)
  if (!Number.isFinite(n) || n < 0) {
    throw new Error(`--order-rate must be a number of orders a second, not ${text}`)
  }
  if (n === 0) return { burst: Infinity, perSecond: Infinity }
  return { burst: Math.max(DEFAULT_ORDER_RATE.burst, n * 2.5), perSecond: n }
}

main().catch((err: unknown) => {
  console.error(`tradepost: ${err instanceof Error ? err.message : String(err)}`)
  process.exit(1)
})
