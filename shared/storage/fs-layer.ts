import {
  closeSync,
  fdatasyncSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  openSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs'
import { open, rename, rm } from 'node:fs/promises'

// The few file-system calls the durable writers make, behind one small
// interface, so a test can record their order or make them fail the way
// a full or read-only disk does. The default is node:fs/promises;
// blockingFs (below) is for a thread of its own.

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

// The same calls made synchronously, for a thread that does nothing but
// write files: they never wait for an event-loop turn and never take a
// thread of the libuv pool, which the journal's fsyncs need free.
export const blockingFs: FsLayer = {
  async open(path, flags) {
    const fd = openSync(path, flags)
    return {
      write: async (data, offset, length) =>
        ({ bytesWritten: writeSync(fd, data, offset, length) }),
      sync: async () => fsyncSync(fd),
      datasync: async () => fdatasyncSync(fd),
      truncate: async (length) => ftruncateSync(fd, length),
      size: async () => fstatSync(fd).size,
      close: async () => closeSync(fd),
    }
  },
  rename: async (from, to) => renameSync(from, to),
  remove: async (path) => rmSync(path, { force: true }),
}
