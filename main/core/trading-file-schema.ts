import { z } from 'zod'
import {
  BuyerId,
  IsoTime,
  PlaceOrderRequest,
  Processing,
  RequestId,
  Trading,
  TradingId,
} from '../../shared/protocol/index.js'

// The shape of a buyer's local trading file, checked whole when it is
// opened. A file that does not match is treated as corrupt: moved aside,
// never overwritten.

export const TRADING_FILE_VERSION = 1

export const TimelineEntry = z.object({
  // null for an update that did not come through the numbered feed
  seq: z.int().min(1).nullable(),
  receivedAt: IsoTime,
  processing: Processing,
})

export const TradeRecord = z.object({
  trading: Trading,
  present: Processing.nullable(),
  timeline: z.array(TimelineEntry),
})

export const ORDER_STATES = ['queued', 'sent', 'placed', 'refused'] as const
export const OrderState = z.enum(ORDER_STATES)

// The server's error codes may grow, so a stored refusal keeps any code.
export const StoredError = z.object({ code: z.string(), message: z.string() })

export const OrderRecord = z.object({
  requestId: RequestId,
  state: OrderState,
  request: PlaceOrderRequest,
  createdAt: IsoTime,
  updatedAt: IsoTime,
  tradingId: TradingId.optional(),
  error: StoredError.optional(),
})

export const WARNING_REASONS = [
  'unknown_trading_id',
  'digest_mismatch',
  'impossible_transition',
  'conflicting_trading_info',
] as const
export const WarningReason = z.enum(WARNING_REASONS)

export const WarningRecord = z.object({
  id: z.string().min(1),
  at: IsoTime,
  seq: z.int().min(1).nullable(),
  reason: WarningReason,
  message: z.string(),
  update: z.unknown(),
})

export const TradingFileData = z.object({
  version: z.literal(TRADING_FILE_VERSION),
  server: z.string().min(1),
  buyerId: BuyerId,
  lastSeq: z.int().min(0),
  trades: z.record(TradingId, TradeRecord),
  orders: z.array(OrderRecord),
  warnings: z.array(WarningRecord),
})

export type TimelineEntry = z.infer<typeof TimelineEntry>
export type TradeRecord = z.infer<typeof TradeRecord>
export type OrderState = z.infer<typeof OrderState>
export type StoredError = z.infer<typeof StoredError>
export type OrderRecord = z.infer<typeof OrderRecord>
export type WarningReason = z.infer<typeof WarningReason>
export type WarningRecord = z.infer<typeof WarningRecord>
export type TradingFileData = z.infer<typeof TradingFileData>
