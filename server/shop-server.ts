import { mkdir } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Server } from 'socket.io'
import { NAMESPACES } from '../shared/protocol/index.js'
import { createLogger, type Logger, type LogLevel } from './logger.js'
import { resolveMerchantKey } from './merchant-key.js'
import { attachBuyerNamespace } from './net/buyer-namespace.js'
import { httpRoutes } from './net/http-routes.js'
import { attachMerchantNamespace } from './net/merchant-namespace.js'
import { seedStarterCatalog } from './shop/catalog.js'
import { Shop } from './shop/shop.js'
import { openJsonStore } from './store/shop-store.js'

export interface ShopServerOptions {
  dataDir: string
  port?: number
  // Loopback unless the merchant chooses to serve other computers.
  host?: string
  merchantKey?: string
  logLevel?: LogLevel
  logger?: Logger
}

export interface ConnectedBuyer {
  buyerId: string
  name: string
  devices: number
  trades: number
}

export interface ShopServer {
  url: string
  host: string
  port: number
  merchantKey: string
  shop: Shop
  // Buyers with at least one open socket, and how many.
  connectedBuyers(): ConnectedBuyer[]
  close(): Promise<void>
}

export const DEFAULT_PORT = 4820
export const DEFAULT_HOST = '127.0.0.1'
// Well below Socket.IO's 1 MB default: no request needs more.
export const MAX_MESSAGE_BYTES = 64 * 1024

export async function startShopServer(
  opts: ShopServerOptions,
): Promise<ShopServer> {
  const log = opts.logger ?? createLogger(opts.logLevel)
  await mkdir(opts.dataDir, { recursive: true })
  const { key, source } = await resolveMerchantKey(opts.dataDir, opts.merchantKey)
  const store = await openJsonStore(opts.dataDir, {
    onCheckpointError: (err) => log.error({ err }, 'checkpoint failed'),
  })
  const shop = new Shop(store, log)
  if (store.fresh) {
    await seedStarterCatalog(store)
    log.info({ products: store.state.catalog.size }, 'starter catalog added')
  }

  const http = createServer(httpRoutes(shop, log))
  const io = new Server(http, {
    maxHttpBufferSize: MAX_MESSAGE_BYTES,
    serveClient: false,
  })
  attachBuyerNamespace(io.of(NAMESPACES.buyer), shop, log)
  attachMerchantNamespace(io.of(NAMESPACES.merchant), shop, key, log)

  const host = opts.host ?? DEFAULT_HOST
  await listen(http, opts.port ?? DEFAULT_PORT, host)
  const port = (http.address() as AddressInfo).port
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`
  log.info(
    { url, trades: store.state.trades.size, buyers: store.state.buyers.size },
    'shop is serving',
  )
  if (source === 'new') log.info('a new merchant key was made and stored')

  const close = once(async () => {
    await new Promise<void>((resolve) => io.close(() => resolve()))
    await store.close()
    log.info('shop stopped; every acknowledged change is on disk')
  })
  const connectedBuyers = () => {
    const devices = new Map<string, number>()
    for (const socket of io.of(NAMESPACES.buyer).sockets.values()) {
      const id = socket.data.buyerId as string
      devices.set(id, (devices.get(id) ?? 0) + 1)
    }
    return [...devices].map(([buyerId, n]) => {
      const doc = store.state.buyers.get(buyerId)
      const name = doc?.account.name ?? buyerId
      return { buyerId, name, devices: n, trades: doc?.trades.length ?? 0 }
    })
  }
  return { url, host, port, merchantKey: key, shop, connectedBuyers, close }
}

function listen(
  server: ReturnType<typeof createServer>,
  port: number,
  host: string,
): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null
  return () => (running ??= fn())
}
