import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { z } from 'zod'
import {
  CorruptFileError,
  DurableJsonFile,
} from '../shared/storage/json-file.js'
import { ShopError } from './shop/errors.js'
import { sameSecret } from './shop/passwords.js'
import { StoreUnavailableError } from './store/shop-store.js'

const KeyFile = z.object({ merchantKey: z.string().min(16) })

export type KeySource = 'given' | 'stored' | 'new'

// The merchant key: given (option or TRADEPOST_MERCHANT_KEY), else the one
// kept in merchant.json, else a new one made and kept there. A stored key
// can be rotated; `version` moves on each rotation so a socket can tell
// that the key it came in with is no longer the key.
export class MerchantKeys {
  #key: string
  #version = 0

  private constructor(
    key: string,
    readonly source: KeySource,
    private readonly file: DurableJsonFile<{ merchantKey: string }>,
  ) {
    this.#key = key
  }

  // `onDamaged` hears of a merchant.json that did not parse: it was set
  // aside and a new key made, so the old key no longer works.
  static async open(
    dataDir: string,
    given: string | undefined,
    onDamaged: (err: CorruptFileError) => void = () => undefined,
  ): Promise<MerchantKeys> {
    const file = new DurableJsonFile(join(dataDir, 'merchant.json'), (raw) =>
      KeyFile.parse(raw),
    )
    if (given != null && given.length > 0) {
      if (given.length < 16) {
        throw new Error('[server] a merchant key needs at least 16 characters')
      }
      return new MerchantKeys(given, 'given', file)
    }
    const stored = await readKeyFile(file, onDamaged)
    if (stored != null) return new MerchantKeys(stored, 'stored', file)
    const key = newKey()
    await file.write({ merchantKey: key })
    return new MerchantKeys(key, 'new', file)
  }

  get current(): string {
    return this.#key
  }

  get version(): number {
    return this.#version
  }

  matches(key: unknown): boolean {
    return typeof key === 'string' && sameSecret(key, this.#key)
  }

  // A new key, on disk before it is in force; the old one stops working
  // the moment this resolves.
  async rotate(): Promise<string> {
    if (this.source === 'given') {
      throw new ShopError('conflict', 'this shop takes its merchant key from ' +
        'TRADEPOST_MERCHANT_KEY (or the merchantKey option); change it there')
    }
    const key = newKey()
    try {
      await this.file.write({ merchantKey: key })
    } catch (err) {
      throw new StoreUnavailableError(err)
    }
    this.#key = key
    this.#version += 1
    return key
  }
}

async function readKeyFile(
  file: DurableJsonFile<{ merchantKey: string }>,
  onDamaged: (err: CorruptFileError) => void,
): Promise<string | null> {
  try {
    return (await file.read())?.merchantKey ?? null
  } catch (err) {
    if (!(err instanceof CorruptFileError)) throw err
    onDamaged(err)
    return null
  }
}

function newKey(): string {
  return randomBytes(24).toString('base64url')
}
