import { mkdir } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Server } from 'socket.io'
import { NAMESPACES } from '../shared/protocol/index.js'
import type { FsLayer } from '../shared/storage/fs-layer.js'
import { createLogger, type Logger, type LogLevel } from './logger.js'
import { MerchantKeys } from './merchant-key.js'
import {
  DEFAULT_ORDER_RATE,
  attachBuyerNamespace,
} from './net/buyer-namespace.js'
import { httpRoutes } from './net/http-routes.js'
import { attachMerchantNamespace } from './net/merchant-namespace.js'
import { OriginPolicy, isLoopback } from './net/origins.js'
import {
  DEFAULT_SIGN_IN_LIMITS,
  SignInGuard,
  type SignInLimits,
} from './net/sign-in-guard.js'
import { DEFAULT_SESSIONS } from './shop/accounts.js'
import { seedStarterCatalog } from './shop/catalog.js'
import { SettingsStore } from './shop/settings-file.js'
import { Shop } from './shop/shop.js'
import type { Rate } from './shop/throttle.js'
import { openJsonStore, type ShopStore } from './store/shop-store.js'

export interface ShopLimits {
  // orders:place per connection
  orders?: Rate
  signIn?: Partial<SignInLimits>
}

export interface ShopServerOptions {
  dataDir: string
  port?: number
  // Loopback unless the merchant chooses to serve other computers.
  host?: string
  merchantKey?: string
  logLevel?: LogLevel
  logger?: Logger
  // Web origins besides the shop's own whose pages may open sockets and
  // call the HTTP API (a browser-hosted console, say). Requests without
  // an Origin header (native clients) are always let through.
  allowedOrigins?: readonly string[]
  limits?: ShopLimits
  // How long a buyer's token works (default 30 days).
  sessionLifetimeMs?: number
  // The clock for token expiry and throttles; tests move it.
  now?: () => number
  checkpointEveryMs?: number
  // File-system layer of the store (tests make it fail).
  fs?: FsLayer
  // TEST CONTROL, never for a real shop: acknowledges changes before they
  // are on disk, so the fault harness can prove its checker sees losses.
  unsafeAckBeforeWrite?: boolean
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
  // The key in force now (it changes when the merchant rotates it).
  readonly merchantKey: string
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
  const keys = await MerchantKeys.open(opts.dataDir, opts.merchantKey,
    (err) => log.error({ file: err.path, movedTo: err.movedTo },
      'merchant.json was damaged and set aside; a new merchant key was made'))
  const store = await openStore(opts, log)
  try {
    return await serve(opts, log, keys, store)
  } catch (err) {
    // A port in use, say: the store is closed so the same folder can be
    // opened again by the next attempt.
    await store.close()
    throw err
  }
}

async function serve(
  opts: ShopServerOptions,
  log: Logger,
  keys: MerchantKeys,
  store: ShopStore,
): Promise<ShopServer> {
  const now = opts.now ?? Date.now
  const sessions = {
    lifetimeMs: opts.sessionLifetimeMs ?? DEFAULT_SESSIONS.lifetimeMs,
    now,
  }
  const shop = new Shop(store, log, keys, sessions)
  shop.useSettings(await SettingsStore.open(opts.dataDir, log))
  if (store.fresh) {
    await seedStarterCatalog(store)
    log.info({ products: store.state.catalog.size }, 'starter catalog added')
  }

  const origins = new OriginPolicy(opts.allowedOrigins)
  const signIn = new SignInGuard(
    { ...DEFAULT_SIGN_IN_LIMITS, ...opts.limits?.signIn }, now)
  const http = createServer(httpRoutes(shop, log, { origins, signIn }))
  const io = new Server(http, {
    maxHttpBufferSize: MAX_MESSAGE_BYTES,
    serveClient: false,
    allowRequest: (req, callback) => {
      const ok = origins.allows(req.headers.origin)
      if (!ok) log.info({ origin: req.headers.origin }, 'foreign origin refused')
      callback(ok ? null : 'origin not allowed', ok)
    },
  })
  // Nothing is served on the main namespace.
  io.of('/').use((_socket, next) => next(new Error('unauthorized')))
  const stopSweep = attachBuyerNamespace(io.of(NAMESPACES.buyer), shop, log,
    opts.limits?.orders ?? DEFAULT_ORDER_RATE)
  attachMerchantNamespace(io.of(NAMESPACES.merchant), shop, log)

  const host = opts.host ?? DEFAULT_HOST
  await listen(http, opts.port ?? DEFAULT_PORT, host)
  const port = (http.address() as AddressInfo).port
  origins.addOwn(host, port)
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`
  log.info(
    { url, trades: store.state.trades.size, buyers: store.state.buyers.size },
    'shop is serving',
  )
  if (!isLoopback(host)) {
    log.warn({ host }, 'serving other computers: anyone who can reach this ' +
      'port can register and order, anyone with the merchant key can ' +
      'manage the shop, and the connection is plain HTTP')
  }
  if (keys.source === 'new') log.info('a new merchant key was made and stored')

  const close = once(async () => {
    stopSweep()
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
  return {
    url, host, port, shop, connectedBuyers, close,
    get merchantKey() {
      return keys.current
    },
  }
}

function openStore(opts: ShopServerOptions, log: Logger): Promise<ShopStore> {
  if (opts.unsafeAckBeforeWrite === true) {
    log.warn('TEST CONTROL: acknowledging before writing; acknowledged ' +
      'changes can be lost. Never run a real shop like this.')
  }
  return openJsonStore(opts.dataDir, {
    checkpointEveryMs: opts.checkpointEveryMs,
    fs: opts.fs,
    unsafeAckBeforeWrite: opts.unsafeAckBeforeWrite,
    onCheckpointError: (err) =>
      log.error({ err }, 'checkpoint failed; retrying every second'),
    onWriteFailed: (err, refused) =>
      log.error({ err, refused }, 'disk write failed; changes refused ' +
        'with unavailable until the disk takes writes again'),
    onWriteRecovered: () => log.warn('disk writes work again'),
    onDamage: (d) => {
      const fields = { file: d.file, movedTo: d.movedTo }
      if (d.severity === 'lost') log.error(fields, d.message)
      else log.warn(fields, d.message)
    },
  })
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
