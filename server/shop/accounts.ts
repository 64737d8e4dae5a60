import { ulid } from 'ulid'
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

export interface Session {
  buyerId: string
  token: string
}

export async function registerBuyer(
  store: ShopStore,
  creds: Credentials,
): Promise<Session> {
  const passwordHash = await hashPassword(creds.password)
  // Checked after the slow hash, right before the commit, so two sign-ups
  // racing for one name cannot both win.
  if (store.state.buyerByName.has(nameKey(creds.name))) {
    throw new ShopError('conflict', 'that name is already taken')
  }
  const buyerId = `B-${ulid()}`
  const account = {
    buyerId,
    name: creds.name,
    passwordHash,
    createdAt: new Date().toISOString(),
  }
  await store.commit({ t: 'buyer', account })
  return issueToken(store, buyerId)
}

export async function signIn(
  store: ShopStore,
  creds: Credentials,
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
  return issueToken(store, doc.account.buyerId)
}

async function issueToken(
  store: ShopStore,
  buyerId: string,
): Promise<Session> {
  const token = newToken()
  const now = Date.now()
  await store.commit({
    t: 'token',
    buyerId,
    token: {
      hash: tokenHash(token),
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(now + TOKEN_LIFETIME_MS).toISOString(),
    },
  })
  return { buyerId, token }
}

// The buyer a token belongs to, or null when it is unknown or expired.
export function authenticate(store: ShopStore, token: unknown): string | null {
  if (typeof token !== 'string' || token.length > 200) return null
  const entry = store.state.tokens.get(tokenHash(token))
  if (entry == null || Date.parse(entry.expiresAt) <= Date.now()) return null
  return entry.buyerId
}
