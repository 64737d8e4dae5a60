import type { IncomingMessage, ServerResponse } from 'node:http'
import { Credentials, type WireError } from '../../shared/protocol/index.js'
import type { Logger } from '../logger.js'
import { ShopError, toWireError } from '../shop/errors.js'
import type { Shop } from '../shop/shop.js'
import { describeIssues } from './bind-requests.js'

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

// The few HTTP routes beside the sockets: health, sign-up and sign-in.
// Anything under /socket.io/ is left to Socket.IO.
export function httpRoutes(shop: Shop, log: Logger) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    if (req.url?.startsWith('/socket.io/')) return
    const path = new URL(req.url ?? '/', 'http://shop').pathname
    try {
      if (req.method === 'GET' && path === '/health') {
        return send(res, 200, { ok: true })
      }
      if (req.method === 'POST' && path === '/api/buyers') {
        return send(res, 201, await shop.register(await credentials(req)))
      }
      if (req.method === 'POST' && path === '/api/sessions') {
        return send(res, 200, await shop.signIn(await credentials(req)))
      }
      throw new ShopError('not_found', `no route ${req.method} ${path}`)
    } catch (err) {
      const error = toWireError(err)
      if (error.code === 'internal') log.error({ err, path }, 'route failed')
      else log.info({ path, code: error.code }, 'request refused')
      send(res, STATUS[error.code], { error })
    }
  }
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

function send(res: ServerResponse, status: number, body: object): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  })
  res.end(text)
}
