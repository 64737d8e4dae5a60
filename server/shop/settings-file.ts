import { join } from 'node:path'
import type { Logger } from 'pino'
import { CorruptFileError, DurableJsonFile } from '../../shared/storage/json-file.js'
import {
  DEFAULT_SHOP_SETTINGS,
  ShopSettings,
} from '../../shared/protocol/settings.js'

// The merchant's rules and thresholds, in settings.json of the data folder.
// They change rarely and stand alone, so one durable file is enough; a
// damaged one is set aside, said in the log, and the defaults apply. A
// file that cannot be read at all (its permissions) stops the start, so
// that the defaults never overwrite the merchant's own settings.
export class SettingsStore {
  #current: ShopSettings = DEFAULT_SHOP_SETTINGS

  private constructor(private readonly file: DurableJsonFile<ShopSettings>) {}

  static async open(dataDir: string, log: Pick<Logger, 'warn'>): Promise<SettingsStore> {
    const file = new DurableJsonFile(join(dataDir, 'settings.json'), (raw) =>
      ShopSettings.parse(raw),
    )
    const store = new SettingsStore(file)
    let read: ShopSettings | null = null
    try {
      read = await file.read()
    } catch (err) {
      if (!(err instanceof CorruptFileError)) throw err
      log.warn({ movedTo: err.movedTo },
        'settings.json could not be read; it was set aside and the default rules apply')
    }
    store.#current = read ?? DEFAULT_SHOP_SETTINGS
    return store
  }

  get current(): ShopSettings {
    return this.#current
  }

  async save(next: ShopSettings): Promise<ShopSettings> {
    await this.file.write(next)
    this.#current = next
    return next
  }
}
