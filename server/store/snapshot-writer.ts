import { existsSync } from 'node:fs'
import { Worker } from 'node:worker_threads'
import {
  writeFilesDurably,
  type NamedData,
} from '../../shared/storage/durable-file.js'
import { nodeFs, type FsLayer } from '../../shared/storage/fs-layer.js'

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
  groups: NamedData[][]
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
// `spawn` (for tests) starts a thread of the writer's own instead.
export function workerWriter(spawn?: () => Worker): SnapshotWriter {
  const target = spawn == null
    ? (thread ??= new WriterThread(spawnWorker))
    : new WriterThread(spawn)
  const mine = new Set<Promise<void>>()
  return {
    write(folder, groups) {
      const p = target.write(folder, groups)
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

interface Pending {
  folder: string
  groups: NamedData[][]
  resolve: () => void
  reject: (e: Error) => void
}

class WriterThread {
  #worker: Worker | null = null
  // set when the thread could not run: files are then written here
  #broken = false
  #nextId = 1
  #pending = new Map<number, Pending>()

  constructor(private readonly spawn: () => Worker) {}

  write(folder: string, groups: NamedData[][]): Promise<void> {
    if (this.#broken) return writeFilesDurably(folder, groups, nodeFs)
    const worker = this.#start()
    const id = this.#nextId++
    // Copied, not transferred: the files stay here until written, in
    // case the thread dies and they are written here after all.
    const job: WriteJob = { id, folder, groups }
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { folder, groups, resolve, reject })
      worker.ref()
      worker.postMessage(job)
    })
  }

  #start(): Worker {
    if (this.#worker != null) return this.#worker
    const worker = this.spawn()
    worker.unref()
    worker.on('message', (done: WriteDone) => this.#settle(done))
    worker.on('error', (err) => this.#lost(worker, err))
    worker.on('exit', (code) =>
      this.#lost(worker, new Error(`the thread exited with code ${code}`)))
    this.#worker = worker
    return worker
  }

  // A thread that cannot start (an archive a worker cannot read, say) or
  // dies: what it had not written is written here, and so is everything
  // after, more slowly but just as durably.
  #lost(worker: Worker, err: Error): void {
    if (this.#worker !== worker) return
    this.#worker = null
    this.#broken = true
    process.emitWarning(`[store] snapshot files are written on the main ` +
      `thread from now on: ${err.message}`)
    const pending = [...this.#pending.values()]
    this.#pending.clear()
    for (const p of pending) {
      writeFilesDurably(p.folder, p.groups, nodeFs).then(p.resolve, p.reject)
    }
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
