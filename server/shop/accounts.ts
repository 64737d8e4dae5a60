import { newUlid } from '../../shared/ids.js'
import type { Credentials } from '../../shared/protocol/index.js'
import type { ShopStore } from '../store/shop-store.js'
import { nameKey } from '../store/shop-state.js'
import { ShopError } from './errors.js'
import {
  DECOY_HASH,
  hashPassword,
  newToken,
  tokenHash,
  verifyPassword,
} from './passwords.js'

export const TOKEN_LIFETIME_MS = 30 * 24 * 3600 * 1000

export interface SessionPolicy {
  lifetimeMs: number
  now: () => number
}

export const DEFAULT_SESSIONS: SessionPolicy = {
  lifetimeMs: TOKEN_LIFETIME_MS,
  now: Date.now,
}

export interface Session {
  buyerId: string
  token: string
}

// Who a token belongs to; `tokenHash` names the token without holding it.
export interface Authenticated {
  buyerId: string
  tokenHash: string
}

export async function registerBuyer(
  store: ShopStore,
  creds: Credentials,
  policy: SessionPolicy,
): Promise<Session> {
  const passwordHash = await hashPassword(creds.password)
  // Checked after the slow hash, right before the commit, so two sign-ups
  // racing for one name cannot both win.
  if (store.state.buyerByName.has(nameKey(creds.name))) {
    throw new ShopError('conflict', 'that name is already taken')
  }
  const buyerId = newUlid('B-')
  const account = {
    buyerId,
    name: creds.name,
    passwordHash,
    createdAt: new Date(policy.now()).toISOString(),
  }
  await store.commit({ t: 'buyer', account })
  return issueToken(store, buyerId, policy)
}

// A wrong password and an unknown name take the same path: an unknown
// name is checked against a decoy hash, so both cost one scrypt.
export async function signIn(
  store: ShopStore,
  creds: Credentials,
  policy: SessionPolicy,
): Promise<Session> {
  const id = store.state.buyerByName.get(nameKey(creds.name))
  const doc = id == null ? null : store.state.buyers.get(id)
  const ok = await verifyPassword(
    creds.password,
    doc?.account.passwordHash ?? (await DECOY_HASH),
  )
  if (doc == null || !ok) {
    throw new ShopError('unauthorized', 'wrong name or password')
  }
  return issueToken(store, doc.account.buyerId, policy)
}

async function issueToken(
  store: ShopStore,
  buyerId: string,
  policy: SessionPolicy,
): Promise<Session> {
  const token = newToken()
  const now = policy.now()
  await store.commit({
    t: 'token',
    buyerId,
    token: {
      hash: tokenHash(token),
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(now + policy.lifetimeMs).toISOString(),
    },
  })
  return { buyerId, token }
}

// The buyer a token belongs to, or null when it is unknown, expired or
// revoked.
export function authenticate(
  store: ShopStore,
  token: unknown,
  policy: SessionPolicy,
): Authenticated | null {
  if (typeof token !== 'string' || token.length > 200) return null
  const hash = tokenHash(token)
  const buyerId = tokenOwner(store, hash, policy)
  return buyerId == null ? null : { buyerId, tokenHash: hash }
}

// The same check for a token already seen, by its hash.
export function tokenOwner(
  store: ShopStore,
  hash: string,
  policy: SessionPolicy,
): string | null {
  const entry = store.state.tokens.get(hash)
  if (entry == null || expiresAtMs(entry.expiresAt) <= policy.now()) return null
  return entry.buyerId
}

// Every request of a socket checks its token again; the expiry of the
// tokens checked last is kept parsed.
const parsedExpiry = new Map<string, number>()
const PARSED_MAX = 4096

function expiresAtMs(expiresAt: string): number {
  let ms = parsedExpiry.get(expiresAt)
  if (ms === undefined) {
    ms = Date.parse(expiresAt)
    if (parsedExpiry.size >= PARSED_MAX) parsedExpiry.clear()
    parsedExpiry.set(expiresAt, ms)
  }
  return ms
}

// Sign out everywhere: every token of the buyer stops working.
export async function revokeSessions(
  store: ShopStore,
  buyerId: string,
  policy: SessionPolicy,
): Promise<void> {
  const at = new Date(policy.now()).toISOString()
  await store.commit({ t: 'revoke', buyerId, at })
}
