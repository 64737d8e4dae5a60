import { mkdir, readdir, truncate } from 'node:fs/promises'
import { join } from 'node:path'
import { DurableJsonFile } from '../../shared/storage/json-file.js'
import { writeFileDurably } from '../../shared/storage/durable-file.js'
import { listSegments, readSegmentLines, type SegmentFile } from './journal.js'
import {
  BuyerDoc,
  CatalogDoc,
  CheckpointDoc,
  ShopRecord,
} from './records.js'
import { ShopState } from './shop-state.js'

// The data folder: catalog.json, buyers/<buyerId>.json (account, tokens,
// trades and feed of one buyer), checkpoint.json (the last record the
// snapshot files are known to hold) and journal/ (records since then).
export const paths = (dir: string) => ({
  catalog: join(dir, 'catalog.json'),
  buyers: join(dir, 'buyers'),
  buyer: (id: string) => join(dir, 'buyers', `${id}.json`),
  checkpoint: join(dir, 'checkpoint.json'),
  journal: join(dir, 'journal'),
})

export interface LoadedShop {
  state: ShopState
  lastLsn: number
  checkpointLsn: number
  segments: SegmentFile[]
  fresh: boolean
}

export async function loadShop(dir: string): Promise<LoadedShop> {
  const p = paths(dir)
  await mkdir(p.buyers, { recursive: true })
  const state = new ShopState()

  const checkpoint = await new DurableJsonFile(p.checkpoint, (raw) =>
    CheckpointDoc.parse(raw),
  ).read()
  const catalog = await new DurableJsonFile(p.catalog, (raw) =>
    CatalogDoc.parse(raw),
  ).read()
  for (const product of catalog?.products ?? []) {
    state.catalog.set(product.sku, product)
  }
  for (const doc of await readBuyerDocs(p.buyers)) state.addBuyerDoc(doc)

  const checkpointLsn = checkpoint?.lsn ?? 0
  const segments = await listSegments(p.journal)
  const lastLsn = await replay(state, segments, checkpointLsn)
  // Replayed changes stay marked dirty: the first checkpoint writes them
  // into the files before it drops the segments they came from.
  const fresh = checkpoint == null && catalog == null && lastLsn === 0
  return { state, lastLsn, checkpointLsn, segments, fresh }
}

async function readBuyerDocs(folder: string): Promise<BuyerDoc[]> {
  const names = (await readdir(folder)).filter((n) => n.endsWith('.json'))
  const docs: BuyerDoc[] = []
  for (const name of names) {
    const file = new DurableJsonFile(join(folder, name), (raw) =>
      BuyerDoc.parse(raw),
    )
    const doc = await file.read()
    if (doc != null) docs.push(doc)
  }
  return docs
}

// Applies every journalled record after the checkpoint, in order. A torn
// last line (a write cut short by a crash, never acknowledged) is cut off;
// damage anywhere else stops the start with a clear error.
async function replay(
  state: ShopState,
  segments: SegmentFile[],
  after: number,
): Promise<number> {
  let last = after
  for (const [i, seg] of segments.entries()) {
    const lines = await readSegmentLines(seg.path)
    let goodBytes = 0
    for (const [n, line] of lines.entries()) {
      if (line.length === 0) {
        if (n < lines.length - 1) goodBytes += 1
        continue
      }
      const rec = parseRecord(line)
      const isTail = i === segments.length - 1 && n === lines.length - 1
      if (rec == null && isTail) {
        await truncate(seg.path, goodBytes)
        break
      }
      if (rec == null) {
        throw new Error(
          `[store] journal ${seg.path} is damaged at line ${n + 1}; ` +
            'the shop will not start on a partial history',
        )
      }
      goodBytes += Buffer.byteLength(line) + 1
      if (rec.lsn <= last) continue
      state.apply(rec)
      last = rec.lsn
    }
  }
  return last
}

function parseRecord(line: string): ShopRecord | null {
  try {
    const parsed = ShopRecord.safeParse(JSON.parse(line))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

export async function writeCatalog(dir: string, text: string): Promise<void> {
  await writeFileDurably(paths(dir).catalog, text)
}

export async function writeBuyer(
  dir: string,
  buyerId: string,
  text: string,
): Promise<void> {
  await writeFileDurably(paths(dir).buyer(buyerId), text)
}

export async function writeCheckpoint(dir: string, lsn: number): Promise<void> {
  await writeFileDurably(paths(dir).checkpoint, JSON.stringify({ lsn }))
}
