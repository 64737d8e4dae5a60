import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { syncFolder } from '../../shared/storage/durable-file.js'
import {
  nodeFs,
  writeAll,
  type FsLayer,
  type StorageHandle,
} from '../../shared/storage/fs-layer.js'
import { segmentName } from './segments.js'

// Told synchronously, in the turn the outcome is known.
export interface Waiter {
  resolve: () => void
  reject: (err: Error) => void
}

export interface JournalHooks {
  // Called when a write fails, before any waiter hears of it and before
  // anything else can be appended: every line not yet on disk is about to
  // be refused, so the caller can undo what those lines did.
  onFailure?: (err: Error) => void
}

type Entry =
  | { kind: 'line'; bytes: Buffer; waiter: Waiter }
  | { kind: 'rotate'; firstLsn: number; waiter: Waiter }

// An append-only log of records, one JSON line each, in numbered segment
// files. Group commit: every line appended while a write is on disk goes
// out in the next single write + fdatasync, so a caller waits at most for
// two flushes however busy the shop is, and the cost of a record does not
// depend on how much the shop already stores.
//
// Guarantees: a waiter is resolved only once its line is written and
// fdatasync has returned, and a new segment's folder entry is fsynced
// before any line in it is resolved. When a write fails, the file is cut
// back to its last good length (so no partial line is ever followed by
// another), and that batch and every line queued behind it are refused:
// they were built on the failed lines, so none may outlive them.
export class Journal {
  #queue: Entry[] = []
  #handle: StorageHandle | null = null
  #flushing: Promise<void> | null = null
  #size = 0
  // Set when a failed write could not be cut back; nothing is written
  // until it can be.
  #tornTail = false

  private constructor(
    readonly folder: string,
    private readonly fs: FsLayer,
    private readonly hooks: JournalHooks,
  ) {}

  static async open(
    folder: string,
    nextLsn: number,
    hooks: JournalHooks = {},
    fs: FsLayer = nodeFs,
  ): Promise<Journal> {
    await mkdir(folder, { recursive: true })
    const journal = new Journal(folder, fs, hooks)
    journal.#handle = await journal.#openSegment(nextLsn)
    return journal
  }

  append(line: string, waiter: Waiter): void {
    const bytes = Buffer.from(line)
    this.#queue.push({ kind: 'line', bytes, waiter })
    this.#kick()
  }

  // Resolves when every line appended before the call is on disk, and
  // rejects if any of them failed.
  barrier(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.append('', { resolve, reject: (err) => reject(err) })
    })
  }

  // Starts a new segment for lines from `firstLsn` on; resolves once every
  // earlier line is on disk in the older segments. If the new segment
  // cannot be made, lines keep going to the present one.
  rotate(firstLsn: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const waiter = { resolve, reject: (err: Error) => reject(err) }
      this.#queue.push({ kind: 'rotate', firstLsn, waiter })
      this.#kick()
    })
  }

  // Waits for the lines appended so far (failed or not), then closes.
  async close(): Promise<void> {
    await this.barrier().catch(() => undefined)
    await this.#handle?.close()
    this.#handle = null
  }

  #kick(): void {
    if (this.#flushing != null) return
    this.#flushing = this.#drain().finally(() => {
      this.#flushing = null
      if (this.#queue.length > 0) this.#kick()
    })
  }

  async #drain(): Promise<void> {
    // Let the current tick's appends join the same write.
    await new Promise<void>((r) => setImmediate(r))
    while (this.#queue.length > 0) {
      if (this.#tornTail && !(await this.#repair())) {
        this.#fail(this.#queue.splice(0), new Error('[journal] torn tail'))
        return
      }
      const batch = this.#takeBatch()
      const first = batch[0]
      if (first?.kind === 'rotate') {
        await this.#rotate(first)
        continue
      }
      try {
        await this.#write(batch)
      } catch (err) {
        this.#fail([...batch, ...this.#queue.splice(0)], asError(err))
        await this.#repair()
        continue
      }
      for (const e of batch) e.waiter.resolve()
    }
  }

  #fail(entries: Entry[], err: Error): void {
    if (entries.some((e) => e.kind === 'line')) this.hooks.onFailure?.(err)
    for (const e of entries) e.waiter.reject(err)
  }

  #takeBatch(): Entry[] {
    const first = this.#queue[0]
    if (first?.kind === 'rotate') return this.#queue.splice(0, 1)
    const end = this.#queue.findIndex((e) => e.kind === 'rotate')
    return this.#queue.splice(0, end < 0 ? this.#queue.length : end)
  }

  async #write(batch: Entry[]): Promise<void> {
    const parts = batch.flatMap((e) => (e.kind === 'line' ? [e.bytes] : []))
    const bytes = Buffer.concat(parts)
    if (bytes.length === 0) return
    const handle = this.#handle
    if (handle == null) throw new Error('[journal] closed')
    this.#tornTail = true
    await writeAll(handle, bytes)
    await handle.datasync()
    this.#size += bytes.length
    this.#tornTail = false
  }

  // Cuts the segment back to its last good length and makes that durable
  // (nothing to do when the failed write left no bytes behind).
  async #repair(): Promise<boolean> {
    const handle = this.#handle
    if (!this.#tornTail || handle == null) return true
    try {
      if ((await handle.size()) !== this.#size) {
        await handle.truncate(this.#size)
        await handle.datasync()
      }
      this.#tornTail = false
      return true
    } catch {
      return false
    }
  }

  async #rotate(entry: Extract<Entry, { kind: 'rotate' }>): Promise<void> {
    let next: StorageHandle
    try {
      next = await this.#openSegment(entry.firstLsn)
    } catch (err) {
      entry.waiter.reject(asError(err))
      return
    }
    const old = this.#handle
    this.#handle = next
    await old?.close().catch(() => undefined)
    entry.waiter.resolve()
  }

  async #openSegment(firstLsn: number): Promise<StorageHandle> {
    const path = join(this.folder, segmentName(firstLsn))
    const handle = await this.fs.open(path, 'a')
    try {
      const size = await handle.size()
      await syncFolder(this.folder, this.fs)
      this.#size = size
      return handle
    } catch (err) {
      await handle.close().catch(() => undefined)
      throw err
    }
  }
}

function asError(err: unknown): Error {
  return err instanceof Error ? err : new Error(String(err))
}
