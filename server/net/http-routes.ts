import type { IncomingMessage, ServerResponse } from 'node:http'
import { Credentials, type WireError } from '../../shared/protocol/index.js'
import type { Logger } from '../logger.js'
import { ShopError, toWireError } from '../shop/errors.js'
import type { Shop } from '../shop/shop.js'
import { describeIssues } from './bind-requests.js'
import type { OriginPolicy } from './origins.js'
import { Throttled, type SignInGuard } from './sign-in-guard.js'

const BODY_LIMIT = 16 * 1024

const STATUS: Record<WireError['code'], number> = {
  invalid_request: 400,
  unauthorized: 401,
  not_found: 404,
  conflict: 409,
  unknown_product: 422,
  out_of_stock: 409,
  illegal_transition: 409,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
}

// A request from a web page of another origin: refused before anything
// is read.
class ForeignOrigin extends ShopError {
  constructor() {
    super('unauthorized', 'requests from web pages of other sites are refused')
  }
}

export interface RouteGuards {
  origins: OriginPolicy
  signIn: SignInGuard
}

// The few HTTP routes beside the sockets: health, sign-up, sign-in and
// sign-out everywhere. Anything under /socket.io/ is left to Socket.IO.
export function httpRoutes(shop: Shop, log: Logger, guards: RouteGuards) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    if (req.url?.startsWith('/socket.io/')) return
    const path = new URL(req.url ?? '/', 'http://shop').pathname
    try {
      const [status, body] = await route(shop, guards, req, path)
      send(res, status, body)
    } catch (err) {
      const error = toWireError(err)
      if (error.code === 'internal') log.error({ err, path }, 'route failed')
      else log.info({ path, code: error.code }, 'request refused')
      const status = err instanceof ForeignOrigin ? 403 : STATUS[error.code]
      const headers: Record<string, string> = err instanceof Throttled
        ? { 'retry-after': String(err.retryAfter) }
        : {}
      send(res, status, { error }, headers)
    }
  }
}

async function route(
  shop: Shop,
  guards: RouteGuards,
  req: IncomingMessage,
  path: string,
): Promise<[number, object]> {
  if (req.method === 'GET' && path === '/health') return [200, { ok: true }]
  if (!guards.origins.allows(req.headers.origin)) throw new ForeignOrigin()
  const address = req.socket.remoteAddress ?? 'unknown'
  if (req.method === 'POST' && path === '/api/buyers') {
    guards.signIn.admitAddress(address)
    return [201, await shop.register(await credentials(req))]
  }
  if (req.method === 'POST' && path === '/api/sessions') {
    guards.signIn.admitAddress(address)
    const creds = await credentials(req)
    return [200, await guards.signIn.signIn(creds.name, () => shop.signIn(creds))]
  }
  if (req.method === 'DELETE' && path === '/api/sessions') {
    await shop.signOutEverywhere(bearer(req))
    return [200, { ok: true }]
  }
  throw new ShopError('not_found', `no route ${req.method} ${path}`)
}

function bearer(req: IncomingMessage): string | null {
  const m = /^Bearer ([^\s]{1,200})$/i.exec(req.headers.authorization ?? '')
  return m?.[1] ?? null
}

async function credentials(req: IncomingMessage) {
  const parsed = Credentials.safeParse(await readJson(req))
  if (!parsed.success) {
    throw new ShopError('invalid_request', describeIssues(parsed.error))
  }
  return parsed.data
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > BODY_LIMIT) {
      throw new ShopError('invalid_request', 'the request body is too large')
    }
    chunks.push(chunk)
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'))
  } catch {
    throw new ShopError('invalid_request', 'the request body is not JSON')
  }
}

function send(
  res: ServerResponse,
  status: number,
  body: object,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...headers,
  })
  res.end(text)
}
