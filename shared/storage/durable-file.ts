import { dirname, basename, join } from 'node:path'
import { nodeFs, writeAll, type FsLayer } from './fs-layer.js'

// Replaces a file's contents so that after a crash or power loss the file
// holds either the old or the new contents, whole. The calls, in order:
//   1. open a temporary file beside the target and write the new bytes;
//   2. fsync it, so its bytes are on disk before its name can be;
//   3. rename it over the target (atomic on one file system);
//   4. fsync the folder, so the rename itself survives a power loss.
// A failure before step 3 removes the temporary file and leaves the
// target as it was. A disk that acknowledges fsync without writing (some
// consumer drives with a volatile cache) breaks this, and nothing in
// software can tell.
export async function writeFileDurably(
  path: string,
  data: string | Uint8Array,
  fs: FsLayer = nodeFs,
): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`)
  const bytes = typeof data === 'string' ? Buffer.from(data) : data
  const handle = await fs.open(tmp, 'w')
  try {
    await writeAll(handle, bytes)
    await handle.sync()
  } catch (err) {
    await handle.close().catch(() => undefined)
    await fs.remove(tmp).catch(() => undefined)
    throw err
  }
  await handle.close()
  try {
    await fs.rename(tmp, path)
  } catch (err) {
    await fs.remove(tmp).catch(() => undefined)
    throw err
  }
  await syncFolder(dirname(path), fs)
}

// Flushes a folder's entries (new, renamed or removed files) to disk.
export async function syncFolder(
  folder: string,
  fs: FsLayer = nodeFs,
): Promise<void> {
  const handle = await fs.open(folder, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

// A temporary file of writeFileDurably, left behind by a process that
// was killed mid-write: never the only copy of anything.
export function isLeftoverTemp(name: string): boolean {
  return name.startsWith('.') && name.endsWith('.tmp')
}
