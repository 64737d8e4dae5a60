import { io, type Socket } from 'socket.io-client'
import { STARTER_CATALOG } from '../../server/shop/catalog.js'
import { MERCHANT_KEY } from './procs.js'

// Raw Socket.IO clients, one connection each (forceNew), websocket only,
// as the console's core connects.

const open = new Set<Socket>()

export function connect(url: string, nsp: string, auth: Record<string, string>): Promise<Socket> {
  const socket = io(`${url}${nsp}`, {
    auth,
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    timeout: 30_000,
  })
  open.add(socket)
  socket.once('disconnect', () => open.delete(socket))
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket))
    socket.once('connect_error', (err) => {
      open.delete(socket)
      reject(err)
    })
  })
}

// Connects many, `parallel` handshakes at a time.
export async function connectMany(
  url: string,
  nsp: string,
  auths: Record<string, string>[],
  parallel = 50,
): Promise<Socket[]> {
  const out: Socket[] = new Array(auths.length)
  let next = 0
  const worker = async () => {
    for (let i = next++; i < auths.length; i = next++) {
      out[i] = await connect(url, nsp, auths[i]!)
    }
  }
  await Promise.all(Array.from({ length: Math.min(parallel, auths.length) }, worker))
  return out
}

export function closeSockets(sockets: Iterable<Socket>): void {
  for (const s of sockets) {
    s.disconnect()
    open.delete(s)
  }
}

export function closeAllSockets(): void {
  closeSockets([...open])
}

export function request<T = any>(
  socket: Socket,
  event: string,
  payload: unknown,
  timeoutMs = 30_000,
): Promise<T> {
  return socket.timeout(timeoutMs).emitWithAck(event, payload) as Promise<T>
}

export function merchant(url: string): Promise<Socket> {
  return connect(url, '/merchant', { merchantKey: MERCHANT_KEY })
}

// Gives every starter product enough stock for any run, through the
// merchant's own request.
export async function hugeStock(url: string): Promise<void> {
  const m = await merchant(url)
  try {
    for (const p of STARTER_CATALOG) {
      const res = await request(m, 'catalog:upsert', { ...p, stock: 1_000_000_000 })
      if (res?.ok !== true) throw new Error(`catalog:upsert ${p.sku}: ${JSON.stringify(res)}`)
    }
  } finally {
    closeSockets([m])
  }
}

// Runs `fn` over `items` with at most `parallel` running at once.
export async function pool<T>(
  items: readonly T[],
  parallel: number,
  fn: (item: T, i: number) => Promise<void>,
): Promise<void> {
  let next = 0
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) await fn(items[i]!, i)
  }
  await Promise.all(Array.from({ length: Math.min(parallel, items.length) }, worker))
}
