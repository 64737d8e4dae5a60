import type { FsLayer } from '../../shared/storage/fs-layer.js'
import type { Journal } from './journal.js'
import { writeFilesDurably } from '../../shared/storage/durable-file.js'
import { buyerFileTexts, type FileText } from './buyer-files.js'
import { listSegments, removeSegments } from './segments.js'
import type { DirtyBuyer, ShopState } from './shop-state.js'
import {
  catalogText,
  paths,
  writeCatalog,
  writeCheckpoint,
} from './snapshot.js'

// How much a checkpoint writes with one shared round of fsyncs: enough to
// share the disk's commits, little enough that the journal's own fsync,
// which may have to wait for the same commit, is not held up for long.
const BATCH_BYTES = 1024 * 1024
const BATCH_BUYERS = 64

function toData(files: FileText[]): { name: string; data: string }[] {
  return files.map((f) => ({ name: f.name, data: f.text }))
}

// A pause after each batch as long as the batch took (5 ms at least): a
// checkpoint is never urgent, so it keeps the disk busy at most half the
// time and the journal's fsyncs, which acknowledgements wait for, are not
// queued behind a long run of snapshot writes. A slow disk makes a slow
// checkpoint, not slow acknowledgements.
const MIN_PAUSE_MS = 5

function pauseAfter(tookMs: number): Promise<void> {
  return new Promise((r) => setTimeout(r, Math.max(MIN_PAUSE_MS, tookMs)))
}

export interface CheckpointHooks {
  // the lsn the next record will get
  nextLsn: () => number
  // bytes appended to the journal so far
  journalBytes: () => number
  // runs `fn` on the state as it is on disk, without changes in flight
  durableView: <T>(fn: () => T) => T
  // a checkpoint runs once this long has passed, or once the journal has
  // grown by `journalLimit` bytes, whichever comes first
  everyMs: number
  journalLimit: number
  // the first failure of a run of failures
  onError: (err: unknown) => void
  fs: FsLayer
}

// Keeps the snapshot files current so the journal stays short. It runs by
// time or journal size rather than every second, so that a buyer who
// orders ten times in a minute is written once. A run:
//   1. starts a new journal segment at the next lsn and waits until every
//      record before it is on disk (or was refused and undone);
//   2. writes each changed buyer's files (buyer-files.ts: the main file
//      and the chunks that changed) from the state as it is on disk
//      (never a change still in flight), in batches of about 1 MiB that
//      share their fsyncs, so requests are served in between;
//   3. records that lsn in checkpoint.json and drops the older segments.
// A file may hold records past that lsn that are on disk in the journal;
// replaying them again changes nothing, since records set values.
export class Checkpointer {
  #running: Promise<void> | null = null
  #timer: NodeJS.Timeout
  #failing = false
  #lastAt = Date.now()
  #lastBytes = 0

  constructor(
    private readonly dir: string,
    private readonly state: ShopState,
    private readonly journal: Journal,
    private readonly hooks: CheckpointHooks,
  ) {
    const tick = Math.min(1000, hooks.everyMs)
    this.#timer = setInterval(() => void this.#maybeRun(), tick)
    this.#timer.unref()
  }

  #maybeRun(): Promise<void> {
    const grown = this.hooks.journalBytes() - this.#lastBytes
    const due = Date.now() - this.#lastAt >= this.hooks.everyMs
    if (due || grown >= this.hooks.journalLimit || this.#failing) return this.run()
    return Promise.resolve()
  }

  run(): Promise<void> {
    if (this.#running != null) return this.#running
    const s = this.state
    if (s.dirty.size === 0 && !s.catalogDirty) return Promise.resolve()
    const run = this.#checkpoint().then(
      () => {
        this.#failing = false
      },
      (err: unknown) => {
        if (!this.#failing) this.hooks.onError(err)
        this.#failing = true
      },
    )
    this.#running = run.finally(() => {
      this.#running = null
    })
    return this.#running
  }

  idle(): Promise<void> {
    return this.#running ?? Promise.resolve()
  }

  stop(): void {
    clearInterval(this.#timer)
  }

  async #checkpoint(): Promise<void> {
    const upTo = this.hooks.nextLsn()
    this.#lastAt = Date.now()
    this.#lastBytes = this.hooks.journalBytes()
    await this.journal.rotate(upTo)
    await this.#writeDirty()
    await writeCheckpoint(this.dir, upTo - 1, this.hooks.fs)
    const folder = paths(this.dir).journal
    const older = (await listSegments(folder)).filter((g) => g.firstLsn < upTo)
    await removeSegments(folder, older, this.hooks.fs)
  }

  async #writeDirty(): Promise<void> {
    const s = this.state
    let catalog = s.catalogDirty
    const buyers = new Map(s.dirty)
    s.catalogDirty = false
    s.dirty.clear()
    const folder = paths(this.dir).buyers
    try {
      if (catalog) {
        const text = this.hooks.durableView(() => catalogText(s))
        await writeCatalog(this.dir, text, this.hooks.fs)
        catalog = false
      }
      // Buyers are written in batches of about BATCH_BYTES, each batch with
      // its fsyncs shared (writeFilesDurably), every buyer's chunks
      // before any main file.
      let batch: { ids: string[]; chunks: FileText[]; mains: FileText[]; bytes: number } =
        { ids: [], chunks: [], mains: [], bytes: 0 }
      const flush = async () => {
        if (batch.ids.length === 0) return
        const { ids, chunks, mains } = batch
        batch = { ids: [], chunks: [], mains: [], bytes: 0 }
        const started = performance.now()
        await writeFilesDurably(folder, [toData(chunks), toData(mains)], this.hooks.fs)
        for (const id of ids) buyers.delete(id)
        await pauseAfter(performance.now() - started)
      }
      for (const [id, parts] of buyers) {
        // All files of one buyer from one view, so the main file counts
        // exactly the chunks written with it.
        const files = this.hooks.durableView((): FileText[] => {
          const doc = s.buyers.get(id)
          if (doc == null) return []
          return buyerFileTexts(doc, parts, (t) => s.trades.get(t)?.index)
        })
        batch.ids.push(id)
        for (const f of files) {
          if (f.name === `${id}.json`) batch.mains.push(f)
          else batch.chunks.push(f)
          batch.bytes += f.text.length
        }
        if (batch.bytes >= BATCH_BYTES || batch.ids.length >= BATCH_BUYERS) await flush()
      }
      await flush()
    } catch (err) {
      // Written or not, these files are written again next time.
      if (catalog) s.catalogDirty = true
      for (const [id, parts] of buyers) mergeDirty(s.dirty, id, parts)
      throw err
    }
  }
}

function mergeDirty(
  into: Map<string, DirtyBuyer>,
  id: string,
  parts: DirtyBuyer,
): void {
  const d = into.get(id)
  if (d == null) {
    into.set(id, parts)
    return
  }
  for (const k of parts.tradeChunks) d.tradeChunks.add(k)
  for (const k of parts.feedChunks) d.feedChunks.add(k)
}
