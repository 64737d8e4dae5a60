import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import type { LogLevel } from './logger.js'
import { DEFAULT_HOST, DEFAULT_PORT, startShopServer } from './shop-server.js'

const HELP = `Tradepost shop server

  npm run server -- [--port N] [--data DIR] [--host ADDR] [--log LEVEL]

  --port   port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)
  --data   data folder (default ~/.tradepost/shop)
  --host   address to listen on (default ${DEFAULT_HOST}, this computer
           only). --host 0.0.0.0 serves other computers on your network:
           anyone who can reach this port can register and order, and
           anyone with the merchant key can manage the shop.
  --log    log level: fatal, error, warn, info, debug, silent (default info)

  TRADEPOST_MERCHANT_KEY, when set, is the merchant key.`

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      data: { type: 'string' },
      host: { type: 'string' },
      log: { type: 'string' },
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
  })
  console.error(
    `\n  Tradepost shop at ${server.url}\n  data: ${dataDir}\n` +
      `  merchant key: ${server.merchantKey}\n`,
  )
  const stop = async (signal: string) => {
    console.error(`\n  ${signal}: finishing writes and stopping…`)
    await server.close()
    process.exit(0)
  }
  process.once('SIGINT', () => void stop('SIGINT'))
  process.once('SIGTERM', () => void stop('SIGTERM'))
}

main().catch((err: unknown) => {
  console.error(`tradepost: ${err instanceof Error ? err.message : String(err)}`)
  process.exit(1)
})
