import { join } from 'node:path'
import { DurableJsonFile } from '../../shared/storage/json-file.js'
import {
  DEFAULT_SHOP_SETTINGS,
  ShopSettings,
} from '../../shared/protocol/settings.js'

// The merchant's rules and thresholds, in settings.json of the data folder.
// They change rarely and stand alone, so one durable file is enough; a
// damaged one is set aside and the defaults apply.
export class SettingsStore {
  #current: ShopSettings = DEFAULT_SHOP_SETTINGS

  private constructor(private readonly file: DurableJsonFile<ShopSettings>) {}

  static async open(dataDir: string): Promise<SettingsStore> {
    const file = new DurableJsonFile(join(dataDir, 'settings.json'), (raw) =>
      ShopSettings.parse(raw),
    )
    const store = new SettingsStore(file)
    store.#current = (await file.read().catch(() => null)) ?? DEFAULT_SHOP_SETTINGS
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
