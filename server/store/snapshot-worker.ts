import { parentPort } from 'node:worker_threads'
import { writeFilesDurably } from '../../shared/storage/durable-file.js'
import { blockingFs } from '../../shared/storage/fs-layer.js'
import type { WriteDone, WriteJob } from './snapshot-writer.js'

// The snapshot writer's thread (see workerWriter): one job at a time, in
// the order they came, with blocking calls.
let queue = Promise.resolve()

parentPort?.on('message', (job: WriteJob) => {
  queue = queue.then(() => run(job))
})

async function run(job: WriteJob): Promise<void> {
  let done: WriteDone = { id: job.id }
  try {
    await writeFilesDurably(job.folder, job.groups, blockingFs)
  } catch (err) {
    const e = err as NodeJS.ErrnoException
    done = { id: job.id, error: { message: String(e?.message ?? e), code: e?.code } }
  }
  parentPort?.postMessage(done)
}
