import { join } from 'node:path'
import type { ShopState } from './shop-state.js'

// The data folder: catalog.json, buyers/ (each buyer's account, tokens,
// trades and feed: buyer-files.ts), checkpoint.json (the lsn up to which the
// snapshot files are known to hold every record), merchant.json (the
// merchant key) and journal/ (records since then).
export const NAMES = { catalog: 'catalog.json', checkpoint: 'checkpoint.json' }

export const paths = (dir: string) => ({
  catalog: join(dir, NAMES.catalog),
  buyers: join(dir, 'buyers'),
  buyer: (id: string) => join(dir, 'buyers', `${id}.json`),
  checkpoint: join(dir, NAMES.checkpoint),
  journal: join(dir, 'journal'),
})

export function catalogText(state: ShopState): string {
  return JSON.stringify({ products: [...state.catalog.values()] })
}

export function checkpointText(lsn: number): string {
  return JSON.stringify({ lsn })
}
