import { mkdir, open, readdir, readFile, rm } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import { join } from 'node:path'
import { syncFolder } from '../../shared/storage/durable-file.js'

interface Waiter {
  resolve: () => void
  reject: (err: Error) => void
}

type Entry =
  | { kind: 'line'; text: string; waiter?: Waiter }
  | { kind: 'rotate'; firstLsn: number; waiter: Waiter }

const SEGMENT = /^(\d{12})\.log$/

export function segmentName(firstLsn: number): string {
  return `${String(firstLsn).padStart(12, '0')}.log`
}

// An append-only log of records, one JSON line each, in numbered segment
// files. Group commit: every line appended while a write is on disk goes
// out in the next single write + fdatasync, so a caller waits at most for
// two flushes however busy the shop is, and the cost of a record does not
// depend on how much the shop already stores. A line's promise resolves
// only once the line is on disk.
export class Journal {
  #queue: Entry[] = []
  #handle: FileHandle | null = null
  #flushing: Promise<void> | null = null
  #size = 0

  private constructor(readonly folder: string) {}

  static async open(folder: string, nextLsn: number): Promise<Journal> {
    await mkdir(folder, { recursive: true })
    const journal = new Journal(folder)
    await journal.#openSegment(nextLsn)
    return journal
  }

  append(line: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ kind: 'line', text: line, waiter: { resolve, reject } })
      this.#kick()
    })
  }

  // Resolves when every line appended before the call is on disk.
  barrier(): Promise<void> {
    if (this.#queue.length === 0 && this.#flushing == null) {
      return Promise.resolve()
    }
    return this.append('')
  }

  // Starts a new segment for lines from `firstLsn` on; resolves once every
  // earlier line is on disk in the older segments.
  rotate(firstLsn: number): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ kind: 'rotate', firstLsn, waiter: { resolve, reject } })
      this.#kick()
    })
  }

  async close(): Promise<void> {
    await this.barrier()
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
      const batch = this.#takeBatch()
      try {
        await this.#write(batch)
        for (const e of batch) e.waiter?.resolve()
      } catch (err) {
        for (const e of batch) e.waiter?.reject(asError(err))
      }
    }
  }

  #takeBatch(): Entry[] {
    const first = this.#queue[0]
    if (first?.kind === 'rotate') return this.#queue.splice(0, 1)
    const end = this.#queue.findIndex((e) => e.kind === 'rotate')
    return this.#queue.splice(0, end < 0 ? this.#queue.length : end)
  }

  async #write(batch: Entry[]): Promise<void> {
    const first = batch[0]
    if (first?.kind === 'rotate') {
      await this.#handle?.close()
      await this.#openSegment(first.firstLsn)
      return
    }
    const text = batch.map((e) => (e.kind === 'line' ? e.text : '')).join('')
    if (text.length === 0) return
    const handle = this.#handle
    if (handle == null) throw new Error('[journal] closed')
    try {
      await handle.write(text)
      await handle.datasync()
      this.#size += Buffer.byteLength(text)
    } catch (err) {
      // Leave no partial line behind for the next batch to follow.
      await handle.truncate(this.#size).catch(() => undefined)
      throw err
    }
  }

  async #openSegment(firstLsn: number): Promise<void> {
    const handle = await open(join(this.folder, segmentName(firstLsn)), 'a')
    this.#size = (await handle.stat()).size
    this.#handle = handle
    await syncFolder(this.folder)
  }
}

function asError(err: unknown): Error {
  return err instanceof Error ? err : new Error(String(err))
}

export interface SegmentFile {
  firstLsn: number
  path: string
}

export async function listSegments(folder: string): Promise<SegmentFile[]> {
  let names: string[]
  try {
    names = await readdir(folder)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw err
  }
  return names
    .map((name) => ({ m: SEGMENT.exec(name), name }))
    .filter((x) => x.m != null)
    .map((x) => ({ firstLsn: Number(x.m![1]), path: join(folder, x.name) }))
    .sort((a, b) => a.firstLsn - b.firstLsn)
}

export async function readSegmentLines(path: string): Promise<string[]> {
  const text = await readFile(path, 'utf8')
  return text.split('\n')
}

export async function removeSegments(
  folder: string,
  segments: SegmentFile[],
): Promise<void> {
  for (const s of segments) await rm(s.path, { force: true })
  if (segments.length > 0) await syncFolder(folder)
}
