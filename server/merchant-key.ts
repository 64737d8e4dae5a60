import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { z } from 'zod'
import { DurableJsonFile } from '../shared/storage/json-file.js'

const KeyFile = z.object({ merchantKey: z.string().min(16) })

// The merchant key: given (option or TRADEPOST_MERCHANT_KEY), else the one
// kept in the data folder, else a new one made and kept there.
export async function resolveMerchantKey(
  dataDir: string,
  given?: string,
): Promise<{ key: string; source: 'given' | 'stored' | 'new' }> {
  if (given != null && given.length > 0) {
    if (given.length < 16) {
      throw new Error('[server] a merchant key needs at least 16 characters')
    }
    return { key: given, source: 'given' }
  }
  const file = new DurableJsonFile(join(dataDir, 'merchant.json'), (raw) =>
    KeyFile.parse(raw),
  )
  const stored = await file.read()
  if (stored != null) return { key: stored.merchantKey, source: 'stored' }
  const key = randomBytes(24).toString('base64url')
  await file.write({ merchantKey: key })
  return { key, source: 'new' }
}
