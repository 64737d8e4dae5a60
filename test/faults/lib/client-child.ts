import { BuyerShopClient } from '../../../main/core/index.js'

// The buyer's trading core on its own in a process, for the client-crash
// scenario to kill. Configured by the environment; reports on standard
// output, one JSON line per event. Places an order every ORDER_EVERY_MS
// while online (0: none); stops cleanly on SIGTERM.

const env = (name: string) => {
  const v = process.env[name]
  if (v == null) throw new Error(`client-child: ${name} is not set`)
  return v
}

const say = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`)

async function main(): Promise<void> {
  const client = new BuyerShopClient({
    url: env('SHOP_URL'),
    token: env('BUYER_TOKEN'),
    buyerId: env('BUYER_ID'),
    folder: env('TRADING_FOLDER'),
    reconnectDelayMs: 50,
    reconnectDelayMaxMs: 250,
  })
  client.on('synced', (lastSeq) => say({ event: 'synced', lastSeq }))
  client.on('problem', (p) => say({ event: 'problem', message: p.message }))
  await client.start()
  say({ event: 'started', lastSeq: client.lastSeq })

  const every = Number(process.env.ORDER_EVERY_MS ?? '0')
  const timer = every > 0
    ? setInterval(() => {
        if (client.status !== 'online') return
        void client.placeOrder({
          items: [{ sku: env('SKU'), quantity: 1 }],
          shipTo: { name: 'Crashing Client', address: '2 Kill Road' },
          payment: { method: 'invoice' },
        }).catch(() => undefined)
      }, every)
    : null

  process.once('SIGTERM', () => {
    if (timer != null) clearInterval(timer)
    void client.stop().then(() => process.exit(0))
  })
}

main().catch((err: unknown) => {
  say({ event: 'failed', message: String(err) })
  process.exit(1)
})
