import { createHash } from 'node:crypto'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { Low } from 'lowdb'
import { removeLeftoverTempsOf } from '../../shared/storage/durable-file.js'
import { DurableJsonFile } from '../../shared/storage/json-file.js'
import {
  TRADING_FILE_VERSION,
  TradingFileData,
} from './trading-file-schema.js'

export { CorruptFileError } from '../../shared/storage/json-file.js'

// A readable file that belongs to another shop or buyer: it is left where
// it is, since nothing is wrong with it.
export class ForeignTradingFileError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`[tradepost] ${path} ${message}`)
    this.name = 'ForeignTradingFileError'
  }
}

export interface TradingFileAddress {
  folder: string
  server: string
  buyerId: string
}

// The server URL as it is kept in the file: parsed, without a trailing
// slash, so `http://h:1` and `http://h:1/` name the same shop.
export function normalizeServerUrl(server: string): string {
  const url = new URL(server)
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`
}

// A readable slug alone could map two URLs to one name (`a.b` and `a-b`),
// so a short hash of the URL follows it.
export function tradingFileName(server: string, buyerId: string): string {
  const url = normalizeServerUrl(server)
  const slug = url
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
  const hash = createHash('sha256').update(url).digest('hex').slice(0, 10)
  return `trading-${slug}-${hash}-${buyerId}.json`
}

// One buyer's trades, orders and warnings at one shop, kept in memory and
// on disk. Every update is durably on disk before its promise resolves;
// updates made while a write runs are coalesced into the next write.
export class TradingFile {
  // Two writers of one file in one process would race on its temp file
  // and lose each other's changes, so a path is open at most once.
  static #openPaths = new Set<string>()
  #pending = new Set<Promise<void>>()
  #closed = false

  private constructor(
    readonly path: string,
    private readonly db: Low<TradingFileData>,
  ) {}

  static async open(address: TradingFileAddress): Promise<TradingFile> {
    const server = normalizeServerUrl(address.server)
    const { folder, buyerId } = address
    await mkdir(folder, { recursive: true })
    const path = join(folder, tradingFileName(server, buyerId))
    if (TradingFile.#openPaths.has(path)) {
      throw new Error(`[tradepost] ${path} is already open`)
    }
    TradingFile.#openPaths.add(path)
    try {
      return await TradingFile.#load(path, server, buyerId)
    } catch (err) {
      TradingFile.#openPaths.delete(path)
      throw err
    }
  }

  // Reads the file (a new one starts empty) and writes it back at once,
  // so a file that cannot be written fails here rather than later.
  static async #load(path: string, server: string, buyerId: string) {
    await removeLeftoverTempsOf(path)
    const adapter = new DurableJsonFile(path, (raw) =>
      TradingFileData.parse(raw),
    )
    const db = new Low(adapter, emptyFile(server, buyerId))
    await db.read()
    checkOwner(path, db.data, server, buyerId)
    const file = new TradingFile(path, db)
    await file.update(() => undefined)
    return file
  }

  get data(): Readonly<TradingFileData> {
    return this.db.data
  }

  get lastSeq(): number {
    return this.db.data.lastSeq
  }

  // Applies `mutate` to the data in memory at once, then resolves with its
  // result once the file on disk holds the change.
  async update<R>(mutate: (data: TradingFileData) => R): Promise<R> {
    if (this.#closed) throw new Error(`[tradepost] ${this.path} is closed`)
    const result = mutate(this.db.data)
    const write = this.db.write()
    this.#pending.add(write)
    try {
      await write
    } finally {
      this.#pending.delete(write)
    }
    return result
  }

  // Waits for every write started so far; failed writes are left to the
  // update that started them to report.
  async flush(): Promise<void> {
    await Promise.allSettled([...this.#pending])
  }

  // Waits for pending writes and lets the path be opened again. Updates
  // after closing are refused.
  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    await this.flush()
    TradingFile.#openPaths.delete(this.path)
  }
}

function emptyFile(server: string, buyerId: string): TradingFileData {
  return {
    version: TRADING_FILE_VERSION,
    server,
    buyerId,
    lastSeq: 0,
    trades: {},
    orders: [],
    warnings: [],
  }
}

function checkOwner(
  path: string,
  data: TradingFileData,
  server: string,
  buyerId: string,
): void {
  if (data.server !== server || data.buyerId !== buyerId) {
    throw new ForeignTradingFileError(
      path,
      `holds ${data.buyerId} at ${data.server}, ` +
        `not ${buyerId} at ${server}`,
    )
  }
}
