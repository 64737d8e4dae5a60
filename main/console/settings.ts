import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { Low } from 'lowdb'
import { z } from 'zod'
import { DEFAULT_PORT } from '../../server/shop-server.js'
import { DurableJsonFile } from '../../shared/storage/json-file.js'

// What the console remembers between runs, in its user data folder: the
// embedded shop's port and whether it runs, and the buyer's saved shops
// with their sessions.

export const SavedSession = z.object({
  shopId: z.string(),
  url: z.string(),
  name: z.string(),
  buyerId: z.string(),
  // Not yet: tokens are kept in plain text in the user's own data folder;
  // Electron's safeStorage could encrypt them where the OS offers a keyring.
  token: z.string(),
})

export const Settings = z.object({
  version: z.literal(1),
  shop: z.object({
    port: z.int().min(0).max(65535),
    autostart: z.boolean(),
  }),
  shops: z.array(SavedSession),
  activeShopId: z.string().nullable(),
})

export type SavedSession = z.infer<typeof SavedSession>
export type Settings = z.infer<typeof Settings>

const DEFAULTS: Settings = {
  version: 1,
  shop: { port: DEFAULT_PORT, autostart: false },
  shops: [],
  activeShopId: null,
}

export class SettingsFile {
  private constructor(private readonly db: Low<Settings>) {}

  static async open(folder: string): Promise<SettingsFile> {
    await mkdir(folder, { recursive: true })
    const adapter = new DurableJsonFile(join(folder, 'console.json'), (raw) =>
      Settings.parse(raw),
    )
    const db = new Low(adapter, structuredClone(DEFAULTS))
    await db.read()
    return new SettingsFile(db)
  }

  get data(): Readonly<Settings> {
    return this.db.data
  }

  async update(change: (s: Settings) => void): Promise<void> {
    change(this.db.data)
    await this.db.write()
  }
}
