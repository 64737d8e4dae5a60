import { readdir } from 'node:fs/promises'
import { dirname, basename, join } from 'node:path'
import {
  nodeFs,
  writeAll,
  type FsLayer,
  type StorageHandle,
} from './fs-layer.js'

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
  const tmp = join(dirname(path), tempName(basename(path)))
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

// Several files of one folder replaced the way writeFileDurably replaces
// one, with the disk's flushes shared: every temporary file is written,
// then all are fsynced together (a journalling file system such as ext4
// commits them in one go, where one at a time costs a commit each: under
// load, hundreds of files took 16 s one by one), then renamed in the
// order given, then the folder is fsynced once. `groups` are renamed one
// after the other with a folder fsync between them, so that after a crash
// a later group is never on disk without an earlier one: a buyer's main
// file never without the chunks it counts on. A failure before the
// renames removes every temporary file and changes nothing.
export interface NamedData {
  name: string
  data: string | Uint8Array
}

export async function writeFilesDurably(
  folder: string,
  groups: NamedData[][],
  fs: FsLayer = nodeFs,
): Promise<void> {
  const files = groups.flat()
  if (files.length === 0) return
  const tmp = (name: string) => join(folder, tempName(name))
  const opened: StorageHandle[] = []
  try {
    for (const f of files) {
      const handle = await fs.open(tmp(f.name), 'w')
      opened.push(handle)
      await writeAll(handle, typeof f.data === 'string' ? Buffer.from(f.data) : f.data)
    }
    await Promise.all(opened.map((h) => h.sync()))
  } catch (err) {
    await Promise.all(opened.map((h) => h.close().catch(() => undefined)))
    await Promise.all(files.map((f) => fs.remove(tmp(f.name)).catch(() => undefined)))
    throw err
  }
  await Promise.all(opened.map((h) => h.close()))
  for (const group of groups) {
    if (group.length === 0) continue
    for (const f of group) {
      try {
        await fs.rename(tmp(f.name), join(folder, f.name))
      } catch (err) {
        await Promise.all(files.map((g) => fs.remove(tmp(g.name)).catch(() => undefined)))
        throw err
      }
    }
    await syncFolder(folder, fs)
  }
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

// The temporary file a write of `name` by this process goes through.
function tempName(name: string, pid = process.pid): string {
  return `.${name}.${pid}.tmp`
}

// A temporary file of writeFileDurably, left behind by a process that
// was killed mid-write: never the only copy of anything.
export function isLeftoverTemp(name: string): boolean {
  return name.startsWith('.') && name.endsWith('.tmp')
}

// Removes the temporary files a killed write left beside `path` (see
// tempName), but not those of a process still running, which may be
// writing it now.
export async function removeLeftoverTempsOf(path: string, fs: FsLayer = nodeFs): Promise<void> {
  const folder = dirname(path)
  const file = basename(path)
  for (const name of await readdir(folder)) {
    const pid = Number.parseInt(name.slice(file.length + 2), 10)
    if (!Number.isInteger(pid) || name !== tempName(file, pid)) continue
    if (pid > 0 && isRunning(pid)) continue
    await fs.remove(join(folder, name))
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    // EPERM: it runs, as someone else
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}
