import { join } from 'node:path'
import { writeFileDurably } from '../../shared/storage/durable-file.js'
import type { FsLayer } from '../../shared/storage/fs-layer.js'
import type { ShopState } from './shop-state.js'

// The data folder: catalog.json, buyers/ (each buyer's account, tokens,
// trades and feed: buyer-files.ts), checkpoint.json (the lsn up to which the
// snapshot files are known to hold every record), merchant.json (the
// merchant key) and journal/ (records since then).
export const paths = (dir: string) => ({
  catalog: join(dir, 'catalog.json'),
  buyers: join(dir, 'buyers'),
  buyer: (id: string) => join(dir, 'buyers', `${id}.json`),
  checkpoint: join(dir, 'checkpoint.json'),
  journal: join(dir, 'journal'),
})

export function catalogText(state: ShopState): string {
  return JSON.stringify({ products: [...state.catalog.values()] })
}

export async function writeCatalog(
  dir: string,
  text: string,
  fs?: FsLayer,
): Promise<void> {
  await writeFileDurably(paths(dir).catalog, text, fs)
}

export async function writeCheckpoint(
  dir: string,
  lsn: number,
  fs?: FsLayer,
): Promise<void> {
  await writeFileDurably(paths(dir).checkpoint, JSON.stringify({ lsn }), fs)
}
