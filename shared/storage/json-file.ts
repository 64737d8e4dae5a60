import { readFile } from 'node:fs/promises'
import type { Adapter } from 'lowdb'
import { writeFileDurably } from './durable-file.js'
import { nodeFs, type FsLayer } from './fs-layer.js'
import { setAside } from './set-aside.js'

export class CorruptFileError extends Error {
  constructor(
    readonly path: string,
    readonly movedTo: string,
    cause: unknown,
  ) {
    super(
      `[tradepost] ${path} could not be read (${String(cause)}); ` +
        `it was moved aside to ${movedTo} and left untouched there`,
    )
    this.name = 'CorruptFileError'
  }
}

// A lowdb adapter for one JSON file, written durably. Writes are coalesced:
// while one write is on disk, later calls wait for a single next write that
// carries the newest data, so a caller waits at most two writes however
// fast others write (unlike a writer that keeps deferring a caller while
// new data arrives). A file that does not parse (empty, cut short,
// garbage, or not matching its schema) is moved aside, never overwritten,
// and reported with CorruptFileError.
export class DurableJsonFile<T> implements Adapter<T> {
  #writing: Promise<void> | null = null
  #next: { data: T; done: Promise<void> } | null = null

  constructor(
    readonly path: string,
    private readonly parse: (raw: unknown) => T = (raw) => raw as T,
    private readonly fs: FsLayer = nodeFs,
  ) {}

  async read(): Promise<T | null> {
    let text: string
    try {
      text = await readFile(this.path, 'utf8')
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw err
    }
    try {
      return this.parse(JSON.parse(text))
    } catch (cause) {
      const movedTo = await setAside(this.path, 'corrupt', this.fs)
      throw new CorruptFileError(this.path, movedTo, cause)
    }
  }

  write(data: T): Promise<void> {
    if (this.#next != null) {
      this.#next.data = data
      return this.#next.done
    }
    if (this.#writing == null) return this.#start(data)
    const next = { data, done: Promise.resolve() }
    next.done = this.#writing
      .catch(() => undefined)
      .then(() => {
        this.#next = null
        return this.#start(next.data)
      })
    this.#next = next
    return next.done
  }

  #start(data: T): Promise<void> {
    const text = JSON.stringify(data)
    const run = writeFileDurably(this.path, text, this.fs).finally(() => {
      if (this.#writing === run) this.#writing = null
    })
    this.#writing = run
    return run
  }
}
