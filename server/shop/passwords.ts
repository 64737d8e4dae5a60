import {
  createHash,
  randomBytes,
  scrypt,
  timingSafeEqual,
  type ScryptOptions,
} from 'node:crypto'

const PARAMS: ScryptOptions = { N: 16384, r: 8, p: 1, maxmem: 64 << 20 }
const KEY_LENGTH = 32

function derive(password: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, KEY_LENGTH, PARAMS, (err, key) =>
      err != null ? reject(err) : resolve(key),
    )
  })
}

// "scrypt$N$r$p$salt$hash", base64url parts.
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await derive(password, salt)
  const { N, r, p } = PARAMS
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$')
}

export async function verifyPassword(
  password: string,
  stored: string,
): Promise<boolean> {
  const [, , , , salt, hash] = stored.split('$')
  if (salt == null || hash == null) return false
  const expected = Buffer.from(hash, 'base64url')
  const key = await derive(password, Buffer.from(salt, 'base64url'))
  return key.length === expected.length && timingSafeEqual(key, expected)
}

// A password hash to compare against when the name is unknown, so that a
// wrong name takes as long as a wrong password.
export const DECOY_HASH = hashPassword(randomBytes(12).toString('hex'))

export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export function sameSecret(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a).digest()
  const hb = createHash('sha256').update(b).digest()
  return timingSafeEqual(ha, hb)
}
