import { io, type Socket } from 'socket.io-client'
import type {
  BuyerClientEvents,
  BuyerServerEvents,
  MerchantClientEvents,
  MerchantServerEvents,
} from '../../shared/protocol/index.js'
import {
  startShopServer,
  type ShopServer,
  type ShopServerOptions,
} from '../../server/shop-server.js'
import { afterEach } from 'vitest'
import { removeTempDirs, tempDir } from './temp-dir.js'

export const MERCHANT_KEY = 'test-merchant-key-0123456789'

export type BuyerSocket = Socket<BuyerServerEvents, BuyerClientEvents>
export type MerchantSocket = Socket<MerchantServerEvents, MerchantClientEvents>

const sockets: Socket[] = []
const servers: ShopServer[] = []

export async function startTestShop(
  dataDir?: string,
  port = 0,
  extra: Partial<ShopServerOptions> = {},
) {
  const server = await startShopServer({
    dataDir: dataDir ?? (await tempDir('shop')),
    port,
    host: '127.0.0.1',
    merchantKey: MERCHANT_KEY,
    logLevel: 'silent',
    ...extra,
  })
  servers.push(server)
  return server
}

// Closes every socket and server a test opened and removes its folders.
export function cleanUpAfterEach(): void {
  afterEach(async () => {
    await closeAll()
    await removeTempDirs()
  })
}

export async function closeAll(): Promise<void> {
  for (const s of sockets.splice(0)) s.disconnect()
  await Promise.all(servers.splice(0).map((s) => s.close()))
}

export async function post(url: string, body: unknown) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
  return { status: res.status, body: (await res.json()) as any }
}

let names = 0
export const PASSWORD = 'correct horse'
export async function registerBuyer(url: string, name?: string) {
  const n = name ?? `buyer-${process.pid}-${++names}`
  const res = await post(`${url}/api/buyers`, { name: n, password: PASSWORD })
  if (res.status !== 201) throw new Error(`register ${n}: ${res.status}`)
  return res.body as { buyerId: string; token: string }
}

export function connect<S extends Socket>(
  url: string,
  nsp: string,
  auth: Record<string, string>,
): Promise<S> {
  const socket = io(`${url}${nsp}`, {
    auth,
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  }) as S
  sockets.push(socket)
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket))
    socket.once('connect_error', (err) => reject(err))
  })
}

export async function buyerSocket(url: string, name?: string) {
  const session = await registerBuyer(url, name)
  const socket = await connect<BuyerSocket>(url, '/buyer', { token: session.token })
  return { ...session, socket }
}

export function merchantSocket(url: string, key = MERCHANT_KEY) {
  return connect<MerchantSocket>(url, '/merchant', { merchantKey: key })
}

// Sends a request and returns its acknowledgement, untyped, so tests can
// also send payloads the protocol forbids.
export function request(
  socket: Socket,
  event: string,
  payload?: unknown,
  timeoutMs = 5000,
) {
  const args = payload === undefined ? [] : [payload]
  const untyped = socket as Socket<any, any>
  return untyped.timeout(timeoutMs).emitWithAck(event, ...args) as Promise<any>
}

let requests = 0
export function orderPayload(items: Array<{ sku: string; quantity: number }>) {
  return {
    requestId: `req-${process.pid}-${Date.now()}-${++requests}`,
    items,
    shipTo: { name: 'Ada Buyer', address: '1 Market Street, Springfield' },
    payment: { method: 'card' },
  }
}

// Collects a socket's pushes of one event, in arrival order.
export function collect<T>(socket: Socket, event: string) {
  const seen: T[] = []
  const waiters: Array<{ n: number; resolve: () => void }> = []
  socket.on(event, (payload: T) => {
    seen.push(payload)
    for (const w of waiters.filter((w) => seen.length >= w.n)) w.resolve()
  })
  return {
    seen,
    // Resolves once at least n pushes have arrived.
    atLeast: (n: number) =>
      new Promise<T[]>((resolve) => {
        if (seen.length >= n) return resolve(seen)
        waiters.push({ n, resolve: () => resolve(seen) })
      }),
  }
}
