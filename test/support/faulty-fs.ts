import {
  nodeFs,
  type FsLayer,
  type OpenFlags,
  type StorageHandle,
} from '../../shared/storage/fs-layer.js'

export interface FsCall {
  op: string
  path: string
}

export type Fault = 'none' | 'full' | 'read-only' | 'short' | 'short-then-full'

// A file-system layer over the real one that records every call and can
// be made to fail as a full disk (ENOSPC on writes) or a read-only one
// (EROFS on anything that changes the disk) does.
export class FaultyFs implements FsLayer {
  readonly calls: FsCall[] = []
  fault: Fault = 'none'
  // Awaited before each datasync: a test holds a journal write in flight
  // with it, or fails it by throwing.
  beforeDatasync: ((path: string) => Promise<void>) | null = null

  async open(path: string, flags: OpenFlags): Promise<StorageHandle> {
    this.#record('open', path)
    if (flags !== 'r' && this.fault === 'read-only') throw fsError('EROFS')
    const handle = await nodeFs.open(path, flags)
    return this.#wrap(path, handle)
  }

  async rename(from: string, to: string): Promise<void> {
    this.#record('rename', `${from} -> ${to}`)
    if (this.fault === 'read-only') throw fsError('EROFS')
    await nodeFs.rename(from, to)
  }

  async remove(path: string): Promise<void> {
    this.#record('remove', path)
    if (this.fault === 'read-only') throw fsError('EROFS')
    await nodeFs.remove(path)
  }

  ops(filter: (c: FsCall) => boolean = () => true): string[] {
    return this.calls.filter(filter).map((c) => `${c.op} ${c.path}`)
  }

  #record(op: string, path: string): void {
    this.calls.push({ op, path })
  }

  #wrap(path: string, h: StorageHandle): StorageHandle {
    return {
      write: async (data, offset, length) => {
        this.#record('write', path)
        if (this.fault === 'read-only') throw fsError('EROFS')
        if (this.fault === 'full') throw fsError('ENOSPC')
        if (this.fault === 'short') {
          return h.write(data, offset, Math.max(1, Math.floor(length / 2)))
        }
        if (this.fault === 'short-then-full') {
          // Half of it lands, then the disk is full.
          this.fault = 'full'
          return h.write(data, offset, Math.max(1, Math.floor(length / 2)))
        }
        return h.write(data, offset, length)
      },
      sync: async () => {
        this.#record('sync', path)
        await h.sync()
      },
      datasync: async () => {
        this.#record('datasync', path)
        await this.beforeDatasync?.(path)
        await h.datasync()
      },
      truncate: async (length) => {
        this.#record('truncate', path)
        if (this.fault === 'read-only') throw fsError('EROFS')
        await h.truncate(length)
      },
      size: () => h.size(),
      close: async () => {
        this.#record('close', path)
        await h.close()
      },
    }
  }
}

function fsError(code: string): NodeJS.ErrnoException {
  const err: NodeJS.ErrnoException = new Error(`${code}: injected by FaultyFs`)
  err.code = code
  return err
}
