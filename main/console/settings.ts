import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { Low, type Adapter } from 'lowdb'
import { z } from 'zod'
import { DEFAULT_PORT } from '../../server/shop-server.js'
import { DurableJsonFile } from '../../shared/storage/json-file.js'
import type { SecretBox } from './platform.js'

// What the console remembers between runs, in its user data folder: the
// embedded shop's port and whether it runs, and the buyer's saved shops
// with their sessions.

export const SavedSession = z.object({
  shopId: z.string(),
  url: z.string(),
  name: z.string(),
  buyerId: z.string(),
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

// A saved session as the file holds it: the token sealed with the
// system's keyring (`sealedToken`) where there is one, as it is
// (`token`) where there is not; files of earlier versions hold `token`.
const StoredSession = SavedSession.omit({ token: true }).extend({
  token: z.string().optional(),
  sealedToken: z.string().optional(),
}).refine((s) => (s.token == null) !== (s.sealedToken == null), {
  message: 'a saved session holds either token or sealedToken',
})

const StoredSettings = Settings.extend({ shops: z.array(StoredSession) })
type StoredSettings = z.infer<typeof StoredSettings>

const DEFAULTS: Settings = {
  version: 1,
  shop: { port: DEFAULT_PORT, autostart: false },
  shops: [],
  activeShopId: null,
}

export class SettingsFile {
  private constructor(
    private readonly db: Low<Settings>,
    // shops whose sealed token could not be opened, left out
    readonly unsealable: string[],
  ) {}

  static async open(folder: string, secrets?: SecretBox): Promise<SettingsFile> {
    await mkdir(folder, { recursive: true })
    const file = new DurableJsonFile(join(folder, 'console.json'), (raw) =>
      StoredSettings.parse(raw),
    )
    const adapter = new SealingAdapter(file, secrets)
    const db = new Low<Settings>(adapter, structuredClone(DEFAULTS))
    await db.read()
    return new SettingsFile(db, adapter.unsealable)
  }

  get data(): Readonly<Settings> {
    return this.db.data
  }

  async update(change: (s: Settings) => void): Promise<void> {
    change(this.db.data)
    await this.db.write()
  }
}

// Tokens are sealed on the way to the file and opened on the way back, so
// the rest of the console only ever sees them open. A session whose token
// cannot be opened (the keyring was reset, the folder was copied from
// another machine) is left out: the buyer signs in to that shop again,
// and the trades in its trading file are still there.
class SealingAdapter implements Adapter<Settings> {
  readonly unsealable: string[] = []

  constructor(
    private readonly file: DurableJsonFile<StoredSettings>,
    private readonly secrets: SecretBox | undefined,
  ) {}

  async read(): Promise<Settings | null> {
    const stored = await this.file.read()
    if (stored == null) return null
    const shops: SavedSession[] = []
    for (const { sealedToken, token, ...session } of stored.shops) {
      const open = token ?? this.#open(sealedToken!)
      if (open == null) this.unsealable.push(session.name)
      else shops.push({ ...session, token: open })
    }
    const active = shops.some((s) => s.shopId === stored.activeShopId)
      ? stored.activeShopId
      : null
    return { ...stored, shops, activeShopId: active }
  }

  write(data: Settings): Promise<void> {
    return this.file.write({
      ...data,
      shops: data.shops.map(({ token, ...session }) => {
        const sealed = this.secrets?.seal(token) ?? null
        return sealed == null ? { ...session, token } : { ...session, sealedToken: sealed }
      }),
    })
  }

  #open(sealed: string): string | null {
    try {
      return this.secrets?.open(sealed) ?? null
    } catch {
      return null
    }
  }
}
