import { z } from 'zod'
import { BuyerId, type Credentials } from '../../shared/protocol/index.js'

// Signing a buyer up or in over the shop's HTTP API.

export interface BuyerSession {
  buyerId: string
  token: string
}

// The shop answered and refused: `code` and `message` are the server's.
export class AccountError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
  ) {
    super(`[tradepost] ${message}`)
    this.name = 'AccountError'
  }
}

// The shop could not be reached at all (down, wrong address, timed out).
export class ShopUnreachableError extends Error {
  readonly code = 'unreachable'

  constructor(
    readonly url: string,
    cause: unknown,
  ) {
    super(`[tradepost] the shop at ${url} cannot be reached`, { cause })
    this.name = 'ShopUnreachableError'
  }
}

export interface AccountOptions {
  timeoutMs?: number
}

const Session = z.object({ buyerId: BuyerId, token: z.string().min(1) })
const ErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
})

export function registerBuyer(
  url: string,
  credentials: Credentials,
  options: AccountOptions = {},
): Promise<BuyerSession> {
  return postCredentials(url, 'api/buyers', credentials, options)
}

export function signIn(
  url: string,
  credentials: Credentials,
  options: AccountOptions = {},
): Promise<BuyerSession> {
  return postCredentials(url, 'api/sessions', credentials, options)
}

async function postCredentials(
  url: string,
  path: string,
  credentials: Credentials,
  options: AccountOptions,
): Promise<BuyerSession> {
  const target = new URL(path, withSlash(url))
  let response: Response
  try {
    response = await fetch(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(credentials),
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    })
  } catch (cause) {
    throw new ShopUnreachableError(url, cause)
  }
  return readSession(response)
}

async function readSession(response: Response): Promise<BuyerSession> {
  const body: unknown = await response.json().catch(() => null)
  if (response.ok) {
    const session = Session.safeParse(body)
    if (session.success) return session.data
    throw new AccountError('internal', response.status,
      'the shop answered with a session this console cannot read')
  }
  const failure = ErrorBody.safeParse(body)
  if (failure.success) {
    const { code, message } = failure.data.error
    throw new AccountError(code, response.status, message)
  }
  throw new AccountError('internal', response.status,
    `the shop answered ${response.status} without an error description`)
}

// A relative path resolves under the base only when the base ends with a
// slash, so a shop served under a path (`http://h/shop`) keeps it.
function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`
}
