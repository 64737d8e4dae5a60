import { Journal, listSegments, removeSegments } from './journal.js'
import type { NewRecord, ShopRecord } from './records.js'
import {
  loadShop,
  paths,
  writeBuyer,
  writeCatalog,
  writeCheckpoint,
} from './snapshot.js'
import type { ShopState } from './shop-state.js'

// The store behind the shop. A change is applied to the state in memory at
// once (so the next request sees it, and two buyers racing for the last
// unit cannot both get it) and its promise resolves once it is on disk.
// A PostgreSQL store can implement the same interface.
export interface ShopStore {
  readonly state: ShopState
  readonly fresh: boolean
  commit(rec: NewRecord): Promise<ShopRecord>
  // Resolves once every change committed so far is on disk.
  settled(): Promise<void>
  close(): Promise<void>
}

export interface JsonStoreOptions {
  checkpointEveryMs?: number
  onCheckpointError?: (err: unknown) => void
}

// The embedded default: one JSON file per buyer plus the catalog, kept
// current by a checkpoint every second from a group-committed journal.
export async function openJsonStore(
  dir: string,
  opts: JsonStoreOptions = {},
): Promise<ShopStore> {
  const loaded = await loadShop(dir)
  const journal = await Journal.open(paths(dir).journal, loaded.lastLsn + 1)
  return new JsonShopStore(dir, journal, loaded, opts)
}

class JsonShopStore implements ShopStore {
  readonly state: ShopState
  readonly fresh: boolean
  #lsn: number
  #checkpointing: Promise<void> | null = null
  #timer: NodeJS.Timeout
  #closed = false

  constructor(
    private readonly dir: string,
    private readonly journal: Journal,
    loaded: Awaited<ReturnType<typeof loadShop>>,
    private readonly opts: JsonStoreOptions,
  ) {
    this.state = loaded.state
    this.fresh = loaded.fresh
    this.#lsn = loaded.lastLsn
    const every = opts.checkpointEveryMs ?? 1000
    this.#timer = setInterval(() => void this.checkpoint(), every)
    this.#timer.unref()
  }

  commit(rec: NewRecord): Promise<ShopRecord> {
    if (this.#closed) return Promise.reject(new Error('[store] closed'))
    const full = { ...rec, lsn: ++this.#lsn } as ShopRecord
    this.state.apply(full)
    return this.journal.append(`${JSON.stringify(full)}\n`).then(() => full)
  }

  settled(): Promise<void> {
    return this.journal.barrier()
  }

  // Writes every changed file from one consistent moment, then records that
  // moment and drops the journal segments it covers. Files are written only
  // after the journal holds everything they contain, so no file ever runs
  // ahead of what was acknowledged.
  checkpoint(): Promise<void> {
    if (this.#checkpointing != null) return this.#checkpointing
    const s = this.state
    if (s.dirtyBuyers.size === 0 && !s.catalogDirty) return Promise.resolve()
    const run = this.#checkpoint().catch((err) => {
      this.opts.onCheckpointError?.(err)
    })
    this.#checkpointing = run.finally(() => {
      this.#checkpointing = null
    })
    return this.#checkpointing
  }

  async #checkpoint(): Promise<void> {
    const lsn = this.#lsn
    const dirty = this.#takeDirty()
    try {
      await this.journal.rotate(lsn + 1)
      if (dirty.catalog != null) await writeCatalog(this.dir, dirty.catalog)
      for (const [id, text] of dirty.buyers) {
        await writeBuyer(this.dir, id, text)
      }
    } catch (err) {
      // Written or not, these files are written again next time.
      if (dirty.catalog != null) this.state.catalogDirty = true
      for (const id of dirty.buyers.keys()) this.state.dirtyBuyers.add(id)
      throw err
    }
    await writeCheckpoint(this.dir, lsn)
    const folder = paths(this.dir).journal
    const segments = await listSegments(folder)
    await removeSegments(folder, segments.filter((g) => g.firstLsn <= lsn))
  }

  // Serializes the changed documents as they stand right now.
  #takeDirty(): { catalog: string | null; buyers: Map<string, string> } {
    const s = this.state
    const catalog = s.catalogDirty
      ? JSON.stringify({ products: [...s.catalog.values()] })
      : null
    const buyers = new Map<string, string>()
    for (const id of s.dirtyBuyers) {
      buyers.set(id, JSON.stringify(s.buyers.get(id)))
    }
    s.dirtyBuyers.clear()
    s.catalogDirty = false
    return { catalog, buyers }
  }

  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    clearInterval(this.#timer)
    await this.#checkpointing
    await this.journal.barrier()
    await this.checkpoint()
    await this.journal.close()
  }
}
