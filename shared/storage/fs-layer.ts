import { open, rename, rm } from 'node:fs/promises'

// The few file-system calls the durable writers make, behind one small
// interface, so a test can record their order or make them fail the way
// a full or read-only disk does. The default is node:fs/promises.

export interface StorageHandle {
  // Writes bytes at the file's end (append mode) or its position; may
  // write fewer than asked, as a nearly full disk does.
  write(
    data: Uint8Array,
    offset: number,
    length: number,
  ): Promise<{ bytesWritten: number }>
  sync(): Promise<void>
  datasync(): Promise<void>
  truncate(length: number): Promise<void>
  size(): Promise<number>
  close(): Promise<void>
}

export type OpenFlags = 'w' | 'a' | 'r'

export interface FsLayer {
  open(path: string, flags: OpenFlags): Promise<StorageHandle>
  rename(from: string, to: string): Promise<void>
  // Removes a file; a missing file is not an error.
  remove(path: string): Promise<void>
}

export const nodeFs: FsLayer = {
  async open(path, flags) {
    const handle = await open(path, flags)
    return {
      write: (data, offset, length) => handle.write(data, offset, length),
      sync: () => handle.sync(),
      datasync: () => handle.datasync(),
      truncate: (length) => handle.truncate(length),
      size: async () => (await handle.stat()).size,
      close: () => handle.close(),
    }
  },
  rename: (from, to) => rename(from, to),
  remove: (path) => rm(path, { force: true }),
}

// Writes all of `data`, however many calls that takes. A call that
// writes nothing means the disk took nothing: that is an error, never a
// silent short write.
export async function writeAll(
  handle: StorageHandle,
  data: Uint8Array,
): Promise<void> {
  let done = 0
  while (done < data.length) {
    const { bytesWritten } = await handle.write(data, done, data.length - done)
    if (bytesWritten <= 0) {
      const err: NodeJS.ErrnoException = new Error('[storage] disk took no bytes')
      err.code = 'ENOSPC'
      throw err
    }
    done += bytesWritten
  }
}
