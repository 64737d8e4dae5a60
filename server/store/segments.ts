import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { syncFolder } from '../../shared/storage/durable-file.js'
import { nodeFs, type FsLayer } from '../../shared/storage/fs-layer.js'

// The journal's segment files: `<first lsn, 12 digits>.log`. A segment
// holds records from its first lsn up to the next segment's first lsn.

const SEGMENT = /^(\d{12})\.log$/

export interface SegmentFile {
  firstLsn: number
  path: string
}

export function segmentName(firstLsn: number): string {
  return `${String(firstLsn).padStart(12, '0')}.log`
}

export async function listSegments(folder: string): Promise<SegmentFile[]> {
  let names: string[]
  try {
    names = await readdir(folder)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw err
  }
  const segments: SegmentFile[] = []
  for (const name of names) {
    const m = SEGMENT.exec(name)
    if (m != null) segments.push({ firstLsn: Number(m[1]), path: join(folder, name) })
  }
  return segments.sort((a, b) => a.firstLsn - b.firstLsn)
}

export function readSegment(path: string): Promise<Buffer> {
  return readFile(path)
}

export async function removeSegments(
  folder: string,
  segments: SegmentFile[],
  fs: FsLayer = nodeFs,
): Promise<void> {
  for (const s of segments) await fs.remove(s.path)
  if (segments.length > 0) await syncFolder(folder, fs)
}
