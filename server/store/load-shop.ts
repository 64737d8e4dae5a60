import { mkdir, readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { Product } from '../../shared/protocol/index.js'
import { isLeftoverTemp } from '../../shared/storage/durable-file.js'
import {
  CorruptFileError,
  DurableJsonFile,
} from '../../shared/storage/json-file.js'
import { setAside } from '../../shared/storage/set-aside.js'
import { readBuyerFiles } from './buyer-files.js'
import { CatalogDoc, CheckpointDoc } from './records.js'
import { replayJournal, type ReplayResult } from './replay.js'
import { listSegments } from './segments.js'
import { ShopState } from './shop-state.js'
import { paths } from './snapshot.js'

// A file found damaged at start: what it was, where it went, and what
// the shop did instead. `severity` is 'lost' when something acknowledged
// may be missing, 'repaired' when nothing is.
export interface DamageReport {
  file: string
  movedTo: string[]
  severity: 'repaired' | 'lost'
  message: string
}

export interface LoadedShop {
  state: ShopState
  lastLsn: number
  fresh: boolean
}

type Report = (r: DamageReport) => void

// Reads the snapshot files, then replays the journal over them. A file
// that does not parse is set aside (never overwritten) and the shop starts
// without it, rebuilding what the journal still covers:
// - checkpoint.json: the whole journal is replayed; nothing is lost;
// - a buyer's file (its main file or a chunk, see buyer-files.ts): all
//   the buyer's files are set aside together, and the buyer is rebuilt
//   from the journal if the journal holds that buyer's account record (a
//   buyer made since the last checkpoint); otherwise the buyer is missing
//   until the files are repaired by hand;
// - catalog.json: products come back from the journal, and every other
//   product found in a trade comes back with its last name and price and
//   a stock of 0 (so nothing is oversold) for the merchant to restock;
// - a journal segment damaged other than at its torn end: see replay.ts.
export async function loadShop(
  dir: string,
  report: Report = () => undefined,
): Promise<LoadedShop> {
  const p = paths(dir)
  await mkdir(p.buyers, { recursive: true })
  await removeLeftoverTemps([dir, p.buyers])
  const state = new ShopState()
  const existed = { any: false }

  const checkpoint = await readDoc(p.checkpoint, CheckpointDoc, report,
    'the whole journal is replayed instead; nothing is lost', existed)
  const catalog = await readDoc(p.catalog, CatalogDoc, () => undefined,
    '', existed)
  for (const product of catalog.doc?.products ?? []) {
    state.catalog.set(product.sku, product)
  }
  const damagedBuyers = await readBuyers(p.buyers, state, existed)

  const segments = await listSegments(p.journal)
  const replay = await replayJournal(state, segments)
  reportJournal(replay, report)
  reportBuyers(damagedBuyers, state, replay, report)
  if (catalog.damaged != null) {
    reportCatalog(catalog.damaged, restoreCatalog(state), report)
  }

  const lastLsn = Math.max(checkpoint.doc?.lsn ?? 0, replay.lastLsn)
  const fresh = !existed.any && replay.records === 0 && replay.damage == null
  return { state, lastLsn, fresh }
}

interface ReadDoc<T> {
  doc: T | null
  damaged: CorruptFileError | null
}

async function readDoc<T>(
  path: string,
  schema: { parse: (raw: unknown) => T },
  report: Report,
  instead: string,
  existed: { any: boolean },
): Promise<ReadDoc<T>> {
  try {
    const doc = await new DurableJsonFile(path, (raw) => schema.parse(raw)).read()
    if (doc != null) existed.any = true
    return { doc, damaged: null }
  } catch (err) {
    if (!(err instanceof CorruptFileError)) throw err
    existed.any = true
    const movedTo = [err.movedTo]
    if (instead !== '') {
      report({ file: path, movedTo, severity: 'repaired',
        message: `${path} was damaged and set aside; ${instead}` })
    }
    return { doc: null, damaged: err }
  }
}

// A buyer whose files could not be read, and where they went.
interface BuyerDamage {
  path: string
  movedTo: string[]
  reason: string
}

async function readBuyers(
  folder: string,
  state: ShopState,
  existed: { any: boolean },
): Promise<Map<string, BuyerDamage>> {
  const damaged = new Map<string, BuyerDamage>()
  const names = await readdir(folder)
  for (const name of names.filter((n) => /^B-[^.]+\.json$/.test(n))) {
    existed.any = true
    try {
      const { doc, onDisk } = await readBuyerFiles(folder, name)
      state.addBuyerDoc(doc, onDisk)
    } catch (cause) {
      const id = name.slice(0, -5)
      const mine = names.filter((n) => n === name || isChunkOf(n, id))
      const movedTo: string[] = []
      for (const n of mine) movedTo.push(await setAside(join(folder, n), 'corrupt'))
      damaged.set(id, { path: join(folder, name), movedTo, reason: String(cause) })
    }
  }
  return damaged
}

function isChunkOf(name: string, buyerId: string): boolean {
  return name.startsWith(`${buyerId}.`) && /\.[tf]\d+\.json$/.test(name)
}

function reportJournal(replay: ReplayResult, report: Report): void {
  if (replay.tornKept != null) {
    report({
      file: replay.tornKept, movedTo: [replay.tornKept], severity: 'repaired',
      message: `a journal line cut short by a crash (${replay.tornBytes} ` +
        `bytes, never acknowledged) was cut off and kept in ${replay.tornKept}`,
    })
  }
  const d = replay.damage
  if (d == null) return
  report({
    file: d.segment, movedTo: d.movedTo, severity: 'lost',
    message: `journal ${d.segment} is damaged at line ${d.line}; the shop ` +
      `starts from the records before it, and ${d.linesAfter} later ` +
      `records are not applied (kept in ${d.movedTo.join(', ')})`,
  })
}

function reportBuyers(
  damaged: Map<string, BuyerDamage>,
  state: ShopState,
  replay: ReplayResult,
  report: Report,
): void {
  for (const [buyerId, d] of damaged) {
    const rebuilt = state.buyers.has(buyerId)
    const what = d.movedTo.length === 1
      ? `${d.path} was damaged (${d.reason}) and set aside`
      : `a file of buyer ${buyerId} was damaged (${d.reason}); its ` +
        `${d.movedTo.length} files were set aside together`
    report({
      file: d.path, movedTo: d.movedTo,
      severity: rebuilt ? 'repaired' : 'lost',
      message: rebuilt
        ? `${what}; the buyer was rebuilt whole from the journal`
        : `${what}; the journal does not cover this buyer, so ${buyerId} ` +
          '(account, trades and feed) is missing until ' +
          `${d.movedTo.join(', ')} ${d.movedTo.length === 1 ? 'is' : 'are'} ` +
          'repaired by hand',
    })
  }
  for (const [buyerId, n] of replay.orphans) {
    if (damaged.has(buyerId)) continue
    report({
      file: buyerId, movedTo: [], severity: 'lost',
      message: `${n} journal records name buyer ${buyerId}, whose file is ` +
        'missing; they were not applied',
    })
  }
}

// Products sold in trades but missing from the catalog come back with
// the name and price of their latest trade and stock 0. Returns their
// SKUs.
function restoreCatalog(state: ShopState): string[] {
  const found = new Map<string, { at: string; product: Product }>()
  for (const { trading } of state.trades.values()) {
    const { items, currency, placedAt } = trading
    for (const item of items) {
      if (state.catalog.has(item.sku)) continue
      const seen = found.get(item.sku)
      if (seen != null && seen.at >= placedAt) continue
      const product = {
        sku: item.sku, name: item.name, priceMinor: item.unitPriceMinor,
        currency, stock: 0,
      }
      found.set(item.sku, { at: placedAt, product })
    }
  }
  for (const { product } of found.values()) {
    state.catalog.set(product.sku, product)
  }
  state.catalogDirty = true
  return [...found.keys()]
}

function reportCatalog(
  err: CorruptFileError,
  restored: string[],
  report: Report,
): void {
  report({
    file: err.path, movedTo: [err.movedTo], severity: 'lost',
    message: `${err.path} was damaged and set aside; ${restored.length} ` +
      'products were rebuilt from trades with stock 0 (restock them); ' +
      `products never ordered are only in ${err.movedTo}`,
  })
}

async function removeLeftoverTemps(folders: string[]): Promise<void> {
  for (const folder of folders) {
    for (const name of await readdir(folder)) {
      if (isLeftoverTemp(name)) await rm(join(folder, name), { force: true })
    }
  }
}
