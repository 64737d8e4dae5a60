import {
  INITIAL_STATUSES,
  TRACKS,
  canonicalJson,
  contentsDigest,
  reachable,
  type Processing,
  type Track,
  type TrackStatus,
  type Trading,
} from '../../shared/protocol/index.js'
import type {
  TradeRecord,
  TradingFileData,
  WarningReason,
  WarningRecord,
} from './trading-file-schema.js'

// One piece of trade information from the shop, pushed or synced. `seq`
// is its place in the buyer's feed, or null when it came another way (the
// answer to placing an order).
export type TradeUpdate =
  | { type: 'trading:info'; seq: number | null; trading: Trading }
  | { type: 'trading:processing'; seq: number | null; processing: Processing }

export interface Ledger {
  lastSeq: number
  trades: Readonly<Record<string, TradeRecord>>
}

export interface ReconcileContext {
  now: string
  newId: () => string
}

export type Outcome =
  | { kind: 'applied'; tradingId: string; trade: TradeRecord }
  | { kind: 'ignored'; why: 'replay' | 'unchanged' }
  | { kind: 'mismatch'; warning: WarningRecord }

// Decides what one update does to the ledger, without changing it. A
// replay is recognised first: an old update seen again must not be judged
// against a present it already led to.
export function reconcile(
  ledger: Ledger,
  update: TradeUpdate,
  ctx: ReconcileContext,
): Outcome {
  if (isReplay(ledger, update)) return { kind: 'ignored', why: 'replay' }
  return update.type === 'trading:info'
    ? reconcileInfo(ledger, update.trading, update, ctx)
    : reconcileProcessing(ledger, update.processing, update, ctx)
}

// Reconciles `update` and records the outcome in `data`: the trade is
// replaced (never changed in place, so records handed out stay as they
// were), a warning is appended, and the feed cursor passes its seq.
export function reconcileInto(
  data: TradingFileData,
  update: TradeUpdate,
  ctx: ReconcileContext,
): Outcome {
  const outcome = reconcile(data, update, ctx)
  if (outcome.kind === 'applied') {
    data.trades[outcome.tradingId] = outcome.trade
  } else if (outcome.kind === 'mismatch') {
    data.warnings.push(outcome.warning)
  }
  if (update.seq != null && update.seq > data.lastSeq) {
    data.lastSeq = update.seq
  }
  return outcome
}

function isReplay(ledger: Ledger, update: TradeUpdate): boolean {
  const seq = update.seq
  if (seq == null) return false
  if (seq <= ledger.lastSeq) return true
  if (update.type === 'trading:info') return false
  const trade = ledger.trades[update.processing.tradingId]
  return trade?.timeline.some((entry) => entry.seq === seq) ?? false
}

function reconcileInfo(
  ledger: Ledger,
  trading: Trading,
  update: TradeUpdate,
  ctx: ReconcileContext,
): Outcome {
  const known = ledger.trades[trading.tradingId]
  if (known == null) {
    const trade = { trading, present: null, timeline: [] }
    return { kind: 'applied', tradingId: trading.tradingId, trade }
  }
  if (canonicalJson(known.trading) === canonicalJson(trading)) {
    return { kind: 'ignored', why: 'unchanged' }
  }
  const why = 'arrived again with different contents'
  const id = trading.tradingId
  return mismatch('conflicting_trading_info', id, why, update, ctx)
}

function reconcileProcessing(
  ledger: Ledger,
  processing: Processing,
  update: TradeUpdate,
  ctx: ReconcileContext,
): Outcome {
  const id = processing.tradingId
  const trade = ledger.trades[id]
  if (trade == null) {
    const why = 'is not one of this buyer\'s trades'
    return mismatch('unknown_trading_id', id, why, update, ctx)
  }
  if (processing.contentsDigest !== contentsDigest(trade.trading)) {
    const why = 'has a contents digest that does not match the stored trade'
    return mismatch('digest_mismatch', id, why, update, ctx)
  }
  const illegal = illegalMove(trade.present, processing)
  if (illegal != null) {
    return mismatch('impossible_transition', id, illegal, update, ctx)
  }
  const entry = { seq: update.seq, receivedAt: ctx.now, processing }
  const next = {
    ...trade,
    present: processing,
    timeline: [...trade.timeline, entry],
  }
  return { kind: 'applied', tradingId: id, trade: next }
}

// Describes the first track whose new status cannot be reached from the
// present one by legal moves (staying put counts), or returns null.
export function illegalMove(
  present: Processing | null,
  next: Processing,
): string | null {
  const from = present == null ? INITIAL_STATUSES : statusesOf(present)
  const to = statusesOf(next)
  for (const track of TRACKS) {
    if (!canReach(track, from, to)) {
      return `moves ${track} from ${from[track]} to ${to[track]}, ` +
        'which no legal moves lead to'
    }
  }
  return null
}

function canReach(track: Track, from: TrackStatus, to: TrackStatus): boolean {
  const statuses: ReadonlySet<string> = reachable(track, from[track])
  return statuses.has(to[track])
}

function statusesOf(p: Processing): TrackStatus {
  return {
    order: p.order.status,
    delivery: p.delivery.status,
    payment: p.payment.status,
  }
}

function mismatch(
  reason: WarningReason,
  tradingId: string,
  why: string,
  update: TradeUpdate,
  ctx: ReconcileContext,
): Outcome {
  const what = update.type === 'trading:info' ? 'Trade info' : 'An update'
  const warning: WarningRecord = {
    id: ctx.newId(),
    at: ctx.now,
    seq: update.seq,
    reason,
    message: `${what} for trade ${tradingId} ${why} (${reason}); ` +
      'it was not applied',
    update,
  }
  return { kind: 'mismatch', warning }
}
