import { open, rename, rm } from 'node:fs/promises'
import { dirname, basename, join } from 'node:path'

// Replaces a file's contents so that after a crash or power loss the file
// holds either the old or the new contents, whole: the new bytes go to a
// temporary file beside it, which is flushed (fsync) before it is renamed
// over the target, and the folder is flushed after so the rename itself is
// durable. A disk that acknowledges fsync without writing breaks this.
export async function writeFileDurably(
  path: string,
  data: string | Uint8Array,
): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`)
  const handle = await open(tmp, 'w')
  try {
    await handle.writeFile(data)
    await handle.sync()
  } catch (err) {
    await handle.close()
    await rm(tmp, { force: true })
    throw err
  }
  await handle.close()
  await rename(tmp, path)
  await syncFolder(dirname(path))
}

// Flushes a folder's entries (new, renamed or removed files) to disk.
export async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}
