import { join } from 'node:path'
import {
  DEFAULT_HOST,
  startShopServer,
  type ShopServer,
} from '../../server/shop-server.js'
import type { Logger } from '../../server/logger.js'
import type { ShopStatus } from '../../shared/contract/index.js'
import type { SettingsFile } from './settings.js'

// The shop server running inside the console: its data under the user
// data folder, its port remembered (so buyers find it again after a
// restart), its merchant key used by the merchant console directly.
export class EmbeddedShop {
  #server: ShopServer | null = null
  #starting: Promise<ShopServer> | null = null
  #error: string | null = null
  // Which data folder the shop serves: the merchant's own, or the demo
  // shop that trainers reset at will.
  #profile: 'shop' | 'demo' = 'shop'

  constructor(
    private readonly userData: string,
    private readonly settings: SettingsFile,
    private readonly log: Logger,
    private readonly onStatus: (status: ShopStatus) => void,
  ) {}

  get server(): ShopServer | null {
    return this.#server
  }

  get dataDir(): string {
    return join(this.userData, this.#profile === 'demo' ? 'demo-shop' : 'shop')
  }

  get profile(): 'shop' | 'demo' {
    return this.#profile
  }

  // Serves the other data folder from now on (the shop must be stopped).
  useProfile(profile: 'shop' | 'demo'): void {
    if (this.#server != null) throw new Error('stop the shop before switching it')
    this.#profile = profile
  }

  status(): ShopStatus {
    const s = this.#server
    return {
      running: s != null,
      starting: this.#starting != null,
      url: s?.url ?? null,
      port: s?.port ?? this.settings.data.shop.port,
      host: s?.host ?? DEFAULT_HOST,
      merchantKey: s?.merchantKey ?? null,
      dataDir: this.dataDir,
      error: this.#error,
    }
  }

  async start(): Promise<ShopStatus> {
    if (this.#server != null) return this.status()
    this.#starting ??= this.#start().finally(() => {
      this.#starting = null
    })
    this.onStatus(this.status())
    try {
      await this.#starting
    } finally {
      this.onStatus(this.status())
    }
    return this.status()
  }

  async #start(): Promise<ShopServer> {
    const wanted = this.settings.data.shop.port
    try {
      this.#server = await this.#listen(wanted)
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') {
        this.#error = String((err as Error).message)
        throw err
      }
      // The port is taken: take a free one and keep it from now on.
      this.#server = await this.#listen(0)
    }
    this.#error = null
    const port = this.#server.port
    await this.settings.update((s) => {
      s.shop = { port, autostart: true }
    })
    return this.#server
  }

  #listen(port: number): Promise<ShopServer> {
    return startShopServer({
      dataDir: this.dataDir,
      port,
      host: DEFAULT_HOST,
      logger: this.log,
    })
  }

  async stop(): Promise<ShopStatus> {
    const server = this.#server
    this.#server = null
    await server?.close()
    await this.settings.update((s) => {
      s.shop.autostart = false
    })
    this.onStatus(this.status())
    return this.status()
  }

  async configure(port: number): Promise<ShopStatus> {
    if (this.#server != null) {
      throw new Error('stop the shop before changing its port')
    }
    await this.settings.update((s) => {
      s.shop.port = port
    })
    this.onStatus(this.status())
    return this.status()
  }

  // Closes the server without changing whether it starts with the app.
  async close(): Promise<void> {
    const server = this.#server
    this.#server = null
    await server?.close()
  }
}
