import { nodeFs, type FsLayer } from '../../shared/storage/fs-layer.js'
import { Checkpointer } from './checkpointer.js'
import { Journal } from './journal.js'
import type { NewRecord, ShopRecord } from './records.js'
import { loadShop, type DamageReport } from './load-shop.js'
import { paths } from './snapshot.js'
import {
  inThreadWriter,
  workerWriter,
  type SnapshotWriter,
} from './snapshot-writer.js'
import type { ShopState, Undo } from './shop-state.js'

// The store behind the shop. A change is applied to the state in memory at
// once (so the next request sees it, and two buyers racing for the last
// unit cannot both get it) and its promise resolves once it is on disk.
// If the disk refuses it, it rejects with StoreUnavailableError and the
// change is undone, with every change made after it: a refused change
// leaves no trace. A PostgreSQL store can implement the same interface.
export interface ShopStore {
  readonly state: ShopState
  readonly fresh: boolean
  commit(rec: NewRecord): Promise<ShopRecord>
  // Resolves once every change committed so far is on disk.
  settled(): Promise<void>
  // Brings the snapshot files up to date now (it also runs by itself).
  checkpoint(): Promise<void>
  close(): Promise<void>
}

// The disk refused a write (full, read-only, failing): the change was
// not made and may be tried again later.
export class StoreUnavailableError extends Error {
  constructor(cause: unknown) {
    super('[store] the shop cannot write to its disk just now', { cause })
    this.name = 'StoreUnavailableError'
  }
}

export interface JsonStoreOptions {
  // The snapshot files are brought up to date at least this often (default
  // 30 s) and whenever the journal has grown by checkpointJournalBytes
  // (default 8 MiB); the journal replayed at start stays that small.
  checkpointEveryMs?: number
  checkpointJournalBytes?: number
  onCheckpointError?: (err: unknown) => void
  // A write failed and `refused` changes were undone.
  onWriteFailed?: (err: Error, refused: number) => void
  // The first write that succeeded after a failure.
  onWriteRecovered?: () => void
  // A file found damaged at start, and what was done about it.
  onDamage?: (report: DamageReport) => void
  // The file-system layer (tests make it fail or record its calls). A
  // layer given here is used in this thread, snapshot files included;
  // by default snapshot files are written by a thread of their own
  // (snapshot-writer.ts).
  fs?: FsLayer
  // TEST CONTROL, never for a real shop: answers before the record is on
  // disk, so the fault harness can show that its checker sees the losses
  // this causes.
  unsafeAckBeforeWrite?: boolean
}

interface InFlight {
  rec: ShopRecord
  undo: Undo
}

// The embedded default: one JSON file per buyer plus the catalog, kept
// current by checkpoints from a group-committed journal.
export async function openJsonStore(
  dir: string,
  opts: JsonStoreOptions = {},
): Promise<ShopStore> {
  const fs = opts.fs ?? nodeFs
  const loaded = await loadShop(dir, opts.onDamage)
  let store: JsonShopStore | null = null
  const journal = await Journal.open(
    paths(dir).journal,
    loaded.lastLsn + 1,
    { onFailure: (err) => store?.rollBack(err) },
    fs,
  )
  store = new JsonShopStore(dir, journal, loaded, opts)
  return store
}

class JsonShopStore implements ShopStore {
  readonly state: ShopState
  readonly fresh: boolean
  #lsn: number
  // Applied in memory but not yet on disk, oldest first.
  #inFlight: InFlight[] = []
  #failing = false
  #journalBytes = 0
  #checkpointer: Checkpointer
  #writer: SnapshotWriter
  #closed = false

  constructor(
    dir: string,
    private readonly journal: Journal,
    loaded: Awaited<ReturnType<typeof loadShop>>,
    private readonly opts: JsonStoreOptions,
  ) {
    this.state = loaded.state
    this.fresh = loaded.fresh
    this.#lsn = loaded.lastLsn
    // A file-system layer given for a test is used in this thread.
    this.#writer = opts.fs == null ? workerWriter() : inThreadWriter(opts.fs)
    this.#checkpointer = new Checkpointer(dir, this.state, journal, {
      nextLsn: () => this.#lsn + 1,
      journalBytes: () => this.#journalBytes,
      durableView: (fn) => this.#durableView(fn),
      everyMs: opts.checkpointEveryMs ?? 30_000,
      journalLimit: opts.checkpointJournalBytes ?? 8 * 1024 * 1024,
      onError: (err) => opts.onCheckpointError?.(err),
      writer: this.#writer,
      fs: opts.fs ?? nodeFs,
    })
  }

  commit(rec: NewRecord): Promise<ShopRecord> {
    if (this.#closed) return Promise.reject(new Error('[store] closed'))
    const full = { ...rec, lsn: this.#lsn + 1 } as ShopRecord
    const line = `${JSON.stringify(full)}\n`
    const undo = this.state.apply(full)
    this.#journalBytes += line.length
    this.#lsn = full.lsn
    const entry: InFlight = { rec: full, undo }
    this.#inFlight.push(entry)
    return new Promise((resolve, reject) => {
      this.journal.append(line, {
        resolve: () => {
          this.#onDurable(entry)
          resolve(full)
        },
        reject: (err) => reject(new StoreUnavailableError(err)),
      })
      if (this.opts.unsafeAckBeforeWrite === true) resolve(full)
    })
  }

  async settled(): Promise<void> {
    try {
      await this.journal.barrier()
    } catch (err) {
      throw new StoreUnavailableError(err)
    }
  }

  // Called by the journal, synchronously, when a write failed: every
  // change not yet on disk is undone, newest first, before anything else
  // can run. The lsns they had are not reused, so the journal may skip
  // numbers; replay does not mind.
  rollBack(err: Error): void {
    const undone = this.#inFlight.splice(0)
    for (const e of undone.toReversed()) e.undo()
    if (!this.#failing) this.opts.onWriteFailed?.(err, undone.length)
    this.#failing = true
  }

  #onDurable(entry: InFlight): void {
    // Lines become durable in the order they were appended.
    if (this.#inFlight[0] === entry) this.#inFlight.shift()
    else this.#inFlight.splice(this.#inFlight.indexOf(entry), 1)
    if (this.#failing) {
      this.#failing = false
      this.opts.onWriteRecovered?.()
    }
  }

  // Runs `fn` on the state as it is on disk: the changes in flight are
  // undone around it and made again after, all in one synchronous step,
  // so nobody else sees the difference.
  #durableView<T>(fn: () => T): T {
    const inFlight = this.#inFlight
    for (const e of inFlight.toReversed()) e.undo()
    try {
      return fn()
    } finally {
      for (const e of inFlight) e.undo = this.state.apply(e.rec)
    }
  }

  checkpoint(): Promise<void> {
    return this.#checkpointer.run()
  }

  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    this.#checkpointer.stop()
    await this.#checkpointer.idle()
    await this.journal.barrier().catch(() => undefined)
    await this.#checkpointer.run()
    await this.#writer.close()
    await this.journal.close()
  }
}
