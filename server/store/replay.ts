import { truncate } from 'node:fs/promises'
import { writeFileDurably } from '../../shared/storage/durable-file.js'
import { setAside } from '../../shared/storage/set-aside.js'
import { ShopRecord } from './records.js'
import { readSegment, type SegmentFile } from './segments.js'
import { UnknownBuyerError, type ShopState } from './shop-state.js'

export interface ReplayResult {
  lastLsn: number
  records: number
  // records about buyers the shop does not hold, by buyer
  orphans: Map<string, number>
  // records that parse but do not fit the state (a move for a missing
  // trade, say)
  misfits: number
  tornBytes: number
  // where the cut-off bytes were kept
  tornKept: string | null
  damage: JournalDamage | null
}

export interface JournalDamage {
  segment: string
  line: number
  // where the damaged segment and every later one were moved
  movedTo: string[]
  // lines not replayed because they follow the damage
  linesAfter: number
}

// Applies every journalled record, in order. Records set values, so
// replaying one that a snapshot file already holds changes nothing.
//
// A last line without its newline was cut short by a crash before it was
// acknowledged: it is cut off, and its bytes kept beside the segment (a
// crash leaves a few; damage that looks the same is not lost). Any other
// line that does not parse is damage (a disk fault or a hand edit):
// replay stops there, so the shop
// starts from a consistent earlier moment rather than from a history with
// a hole in it. The damaged segment and all later ones are moved aside
// whole, never overwritten, and the damaged one is replaced by its good
// beginning.
export async function replayJournal(
  state: ShopState,
  segments: SegmentFile[],
): Promise<ReplayResult> {
  const result: ReplayResult = {
    lastLsn: 0, records: 0, orphans: new Map(), misfits: 0,
    tornBytes: 0, tornKept: null, damage: null,
  }
  for (const [i, seg] of segments.entries()) {
    const bytes = await readSegment(seg.path)
    const isLast = i === segments.length - 1
    const stop = replaySegment(state, bytes, result)
    if (stop == null) continue
    if (isLast && stop.torn) {
      result.tornBytes = bytes.length - stop.goodBytes
      result.tornKept = await keepTornTail(seg.path, bytes.subarray(stop.goodBytes))
      await truncate(seg.path, stop.goodBytes)
      break
    }
    result.damage = await setAsideFrom(segments.slice(i), bytes, stop)
    break
  }
  return result
}

interface Stop {
  goodBytes: number
  line: number
  linesAfter: number
  torn: boolean
}

function replaySegment(
  state: ShopState,
  bytes: Buffer,
  result: ReplayResult,
): Stop | null {
  let offset = 0
  let line = 0
  while (offset < bytes.length) {
    line += 1
    const end = bytes.indexOf(0x0a, offset)
    const stopAt = end < 0 ? bytes.length : end
    const rec = parseRecord(bytes.subarray(offset, stopAt))
    if (rec == null || end < 0) {
      const rest = bytes.subarray(offset).toString('utf8')
      const linesAfter = rest.split('\n').filter((l) => l.length > 0).length
      return { goodBytes: offset, line, linesAfter, torn: end < 0 }
    }
    offset = end + 1
    if (rec.lsn > result.lastLsn) applyOne(state, rec, result)
  }
  return null
}

function applyOne(state: ShopState, rec: ShopRecord, result: ReplayResult) {
  result.lastLsn = rec.lsn
  result.records += 1
  try {
    state.apply(rec)
  } catch (err) {
    if (!(err instanceof UnknownBuyerError)) {
      result.misfits += 1
      return
    }
    const n = result.orphans.get(err.buyerId) ?? 0
    result.orphans.set(err.buyerId, n + 1)
    if (rec.t === 'trade' || rec.t === 'move') state.applyStock(rec.stock)
  }
}

function parseRecord(bytes: Buffer): ShopRecord | null {
  try {
    const parsed = ShopRecord.safeParse(JSON.parse(bytes.toString('utf8')))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

async function keepTornTail(path: string, tail: Buffer): Promise<string> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  const kept = `${path}.torn-${stamp}`
  await writeFileDurably(kept, tail)
  return kept
}

async function setAsideFrom(
  segments: SegmentFile[],
  damagedBytes: Buffer,
  stop: Stop,
): Promise<JournalDamage> {
  const movedTo: string[] = []
  for (const seg of segments) movedTo.push(await setAside(seg.path, 'damaged'))
  const first = segments[0]!
  await writeFileDurably(first.path, damagedBytes.subarray(0, stop.goodBytes))
  let linesAfter = stop.linesAfter
  for (const seg of segments.slice(1)) {
    const text = (await readSegment(movedTo[segments.indexOf(seg)]!)).toString()
    linesAfter += text.split('\n').filter((l) => l.length > 0).length
  }
  return { segment: first.path, line: stop.line, movedTo, linesAfter }
}
