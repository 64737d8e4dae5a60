import type { FsLayer } from '../../shared/storage/fs-layer.js'
import type { Journal } from './journal.js'
import { buyerFileTexts, type FileText } from './buyer-files.js'
import { listSegments, removeSegments } from './segments.js'
import type { DirtyBuyer, ShopState } from './shop-state.js'
import { NAMES, catalogText, checkpointText, paths } from './snapshot.js'
import type { SnapshotWriter } from './snapshot-writer.js'

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
  // writes the files (catalog, buyers, checkpoint.json)
  writer: SnapshotWriter
  // removes journal segments the checkpoint covers
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
    await this.hooks.writer.write(this.dir,
      [[{ name: NAMES.checkpoint, data: checkpointText(upTo - 1) }]])
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
        await this.hooks.writer.write(this.dir,
          [[{ name: NAMES.catalog, data: text }]])
        catalog = false
      }
      // Buyers are written in batches of about BATCH_BYTES. A batch is
      // built in one view of the state as it is on disk (the changes in
      // flight undone and made again once per batch, not once per buyer)
      // and written with its fsyncs shared (writeFilesDurably), every
      // buyer's chunks before any main file.
      const queue = [...buyers]
      let next = 0
      while (next < queue.length) {
        const batch = this.hooks.durableView(() => {
          const b = new Batch()
          while (next < queue.length && !b.full()) {
            const [id, parts] = queue[next++]!
            const doc = s.buyers.get(id)
            const files = doc == null
              ? []
              : buyerFileTexts(doc, parts)
            b.add(id, files)
          }
          return b
        })
        const started = performance.now()
        await this.hooks.writer.write(folder, [toData(batch.chunks), toData(batch.mains)])
        for (const id of batch.ids) buyers.delete(id)
        await pauseAfter(performance.now() - started)
      }
    } catch (err) {
      // Written or not, these files are written again next time.
      if (catalog) s.catalogDirty = true
      for (const [id, parts] of buyers) mergeDirty(s.dirty, id, parts)
      throw err
    }
  }
}

// Buyers' files to be written together.
class Batch {
  readonly ids: string[] = []
  readonly chunks: FileText[] = []
  readonly mains: FileText[] = []
  #bytes = 0

  // All files of one buyer come from one view, so the main file counts
  // exactly the chunks written with it.
  add(id: string, files: FileText[]): void {
    this.ids.push(id)
    for (const f of files) {
      if (f.name === `${id}.json`) this.mains.push(f)
      else this.chunks.push(f)
      this.#bytes += f.text.length
    }
  }

  full(): boolean {
    return this.#bytes >= BATCH_BYTES || this.ids.length >= BATCH_BUYERS
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
