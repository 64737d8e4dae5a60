import { ulid } from 'ulid'
import { z } from 'zod'
import { FeedEvent } from '../../shared/protocol/index.js'
import {
  reconcileInto,
  type ReconcileContext,
  type TradeUpdate,
} from './reconcile.js'
import type { TradingFile } from './trading-file.js'
import type {
  TradeRecord,
  TradingFileData,
  WarningRecord,
} from './trading-file-schema.js'

// Turning a page of feed events into one durable write of the trading
// file, and reporting what changed.

export interface ReadPage {
  updates: TradeUpdate[]
  // the highest seq seen in the page, readable events or not
  cursor: number
  invalid: { raw: unknown; why: string }[]
}

// A page event that does not parse is reported and skipped; its seq still
// counts, since asking for it again would only get the same bad event and
// hold back every event after it.
export function readFeedPage(events: readonly unknown[]): ReadPage {
  const page: ReadPage = { updates: [], cursor: 0, invalid: [] }
  for (const raw of events) {
    const parsed = FeedEvent.safeParse(raw)
    if (parsed.success) {
      page.updates.push(parsed.data)
      page.cursor = Math.max(page.cursor, parsed.data.seq)
    } else {
      page.invalid.push({ raw, why: z.prettifyError(parsed.error) })
      page.cursor = Math.max(page.cursor, seqOf(raw))
    }
  }
  return page
}

function seqOf(raw: unknown): number {
  const seq = z.object({ seq: z.int().min(1) }).safeParse(raw)
  return seq.success ? seq.data.seq : 0
}

export interface Applied {
  // each changed trade once, as it stands after the whole batch
  trades: Map<string, TradeRecord>
  warnings: WarningRecord[]
}

export function reconcileContext(): ReconcileContext {
  return { now: new Date().toISOString(), newId: () => `w-${ulid()}` }
}

// Reconciles the updates in order into `data` and moves the cursor to
// `cursor` if that is further; the caller writes the file.
export function reconcileBatch(
  data: TradingFileData,
  updates: readonly TradeUpdate[],
  cursor: number,
  ctx: ReconcileContext,
): Applied {
  const applied: Applied = { trades: new Map(), warnings: [] }
  for (const update of updates) {
    const outcome = reconcileInto(data, update, ctx)
    if (outcome.kind === 'applied') {
      applied.trades.set(outcome.tradingId, outcome.trade)
    } else if (outcome.kind === 'mismatch') {
      applied.warnings.push(outcome.warning)
    }
  }
  data.lastSeq = Math.max(data.lastSeq, cursor)
  return applied
}

// The same, resolving once all of it is on disk in a single write.
export function applyUpdates(
  file: TradingFile,
  updates: readonly TradeUpdate[],
  cursor = 0,
): Promise<Applied> {
  const ctx = reconcileContext()
  return file.update((data) => reconcileBatch(data, updates, cursor, ctx))
}
