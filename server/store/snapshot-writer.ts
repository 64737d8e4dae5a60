import { existsSync } from 'node:fs'
import { Worker } from 'node:worker_threads'
import {
  writeFilesDurably,
  type NamedData,
} from '../../shared/storage/durable-file.js'
import type { FsLayer } from '../../shared/storage/fs-layer.js'

// Writes the files of a checkpoint: each call is one writeFilesDurably
// (temporary files, fsyncs, renames group after group, folder fsync),
// with its guarantees.
export interface SnapshotWriter {
  write(folder: string, groups: NamedData[][]): Promise<void>
  // Waits for the writes under way, then frees what the writer holds.
  close(): Promise<void>
}

// In this thread, through `fs`: for tests that make the disk fail or
// record the order of the calls.
export function inThreadWriter(fs: FsLayer): SnapshotWriter {
  return {
    write: (folder, groups) => writeFilesDurably(folder, groups, fs),
    close: async () => undefined,
  }
}

// What the worker is sent and answers (snapshot-worker.ts).
export interface WriteJob {
  id: number
  folder: string
  groups: { name: string; data: Uint8Array }[][]
}
export interface WriteDone {
  id: number
  error?: { message: string; code?: string }
}

// The shop's default: the files are written by a thread of their own
// with blocking calls. On the event loop, a checkpoint of a few hundred
// files took a turn of the loop for every open, write, fsync, close and
// rename; under full intake that made a 1 MiB batch take half a second,
// checkpoints fell behind and each buyer's files grew until building
// them stalled the loop. One thread serves every store of the process
// (jobs in the order they come); it is started at the first write and
// holds the process open only while a write is under way.
export function workerWriter(): SnapshotWriter {
  const mine = new Set<Promise<void>>()
  return {
    write(folder, groups) {
      const p = (thread ??= new WriterThread()).write(folder, groups)
      const tracked = p.catch(() => undefined)
      mine.add(tracked)
      void tracked.then(() => mine.delete(tracked))
      return p
    },
    async close() {
      await Promise.all(mine)
    },
  }
}

let thread: WriterThread | null = null

type Settle = { resolve: () => void; reject: (e: Error) => void }

class WriterThread {
  #worker: Worker | null = null
  #nextId = 1
  #pending = new Map<number, Settle>()
  #encoder = new TextEncoder()

  write(folder: string, groups: NamedData[][]): Promise<void> {
    const transfer: ArrayBuffer[] = []
    const job: WriteJob = {
      id: this.#nextId++,
      folder,
      groups: groups.map((g) => g.map((f) => {
        if (typeof f.data !== 'string') return { name: f.name, data: f.data }
        const data = this.#encoder.encode(f.data)
        transfer.push(data.buffer as ArrayBuffer)
        return { name: f.name, data }
      })),
    }
    const worker = this.#start()
    return new Promise((resolve, reject) => {
      this.#pending.set(job.id, { resolve, reject })
      worker.ref()
      worker.postMessage(job, transfer)
    })
  }

  #start(): Worker {
    if (this.#worker != null) return this.#worker
    const worker = spawnWorker()
    worker.unref()
    worker.on('message', (done: WriteDone) => this.#settle(done))
    // A thread that dies fails what it had; the next write starts another.
    const lost = (err: Error) => {
      if (this.#worker === worker) this.#worker = null
      for (const id of [...this.#pending.keys()]) {
        this.#settle({ id, error: { message: err.message } })
      }
    }
    worker.on('error', lost)
    worker.on('exit', (code) =>
      lost(new Error(`[store] the snapshot writer thread exited (${code})`)))
    this.#worker = worker
    return worker
  }

  #settle(done: WriteDone): void {
    const p = this.#pending.get(done.id)
    if (p == null) return
    this.#pending.delete(done.id)
    if (this.#pending.size === 0) this.#worker?.unref()
    if (done.error == null) return p.resolve()
    const err: NodeJS.ErrnoException = new Error(done.error.message)
    if (done.error.code != null) err.code = done.error.code
    p.reject(err)
  }
}

// Built, the worker is an entry of its own beside the app's entries
// (out/main/snapshot-worker.js, see electron.vite.config.ts) and this code
// sits in a chunk below them; run from source (tests, tsx) it is the
// TypeScript file beside this one, loaded through tsx.
function spawnWorker(): Worker {
  for (const rel of ['../snapshot-worker.js', './snapshot-worker.js']) {
    const built = new URL(rel, import.meta.url)
    if (existsSync(built)) return new Worker(built)
  }
  const source = new URL('./snapshot-worker.ts', import.meta.url)
  const tsx = import.meta.resolve('tsx/esm/api')
  const boot = `import(${JSON.stringify(tsx)}).then((tsx) => tsx.tsImport(` +
    `${JSON.stringify(source.href)}, ${JSON.stringify(import.meta.url)}))`
  return new Worker(boot, { eval: true })
}
