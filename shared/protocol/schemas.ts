import { z } from 'zod'
import {
  DELIVERY_STATUSES,
  ORDER_STATUSES,
  PAYMENT_STATUSES,
  TRACKS,
} from './statuses.js'

// Runtime schemas of every payload on the wire. Requests are strict (an
// unknown field is an invalid request); data the server sends is parsed
// leniently by clients so the server can grow new fields.

export const LIMITS = {
  nameMax: 80,
  textMax: 500,
  itemsMax: 100,
  quantityMax: 10_000,
  priceMax: 100_000_000_000,
  stockMax: 1_000_000_000,
  feedPageMax: 500,
} as const

export const Sku = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, {
  message: 'a SKU is 1-64 letters, digits, dots, dashes or underscores',
})
export const Currency = z.string().regex(/^[A-Z]{3}$/, {
  message: 'a currency is an ISO 4217 code such as EUR',
})
export const MinorUnits = z.int().min(0).max(LIMITS.priceMax)
export const IsoTime = z.iso.datetime({ offset: true })
export const TradingId = z.string().regex(/^T-[0-9A-HJKMNP-TV-Z]{26}$/)
export const BuyerId = z.string().regex(/^B-[0-9A-HJKMNP-TV-Z]{26}$/)
export const RequestId = z.string().regex(/^[A-Za-z0-9_-]{8,100}$/, {
  message: 'a requestId is 8-100 letters, digits, dashes or underscores',
})
// A UTF-16 surrogate without its other half: not Unicode text, and it has
// no UTF-8 form, so two clients would hash it differently.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
const Text = (max: number) =>
  z.string().trim().min(1).max(max).refine((s) => !LONE_SURROGATE.test(s), {
    message: 'text must be well-formed Unicode (no lone surrogates)',
  })

export const PAYMENT_METHODS = [
  'card',
  'bank_transfer',
  'invoice',
  'cash_on_delivery',
] as const
export const PaymentMethod = z.enum(PAYMENT_METHODS)

export const Product = z.object({
  sku: Sku,
  name: Text(LIMITS.nameMax),
  priceMinor: MinorUnits,
  currency: Currency,
  stock: z.int().min(0).max(LIMITS.stockMax),
})

export const ShipTo = z.strictObject({
  name: Text(LIMITS.nameMax),
  address: Text(LIMITS.textMax),
})

export const Payment = z.strictObject({ method: PaymentMethod })

export const TradingItem = z.object({
  sku: Sku,
  name: z.string(),
  quantity: z.int().min(1).max(LIMITS.quantityMax),
  unitPriceMinor: MinorUnits,
})

export const Trading = z.object({
  tradingId: TradingId,
  buyerId: BuyerId,
  placedAt: IsoTime,
  items: z.array(TradingItem).min(1),
  totalMinor: z.int().min(0),
  currency: Currency,
  shipTo: z.object({ name: z.string(), address: z.string() }),
  payment: z.object({ method: PaymentMethod }),
})

export const Processing = z.object({
  tradingId: z.string().min(1).max(200),
  order: z.object({ status: z.enum(ORDER_STATUSES) }),
  delivery: z.object({
    status: z.enum(DELIVERY_STATUSES),
    carrier: z.string().optional(),
    trackingNo: z.string().optional(),
  }),
  payment: z.object({ status: z.enum(PAYMENT_STATUSES) }),
  updatedAt: IsoTime,
  note: z.string().optional(),
  // What made the change when it was not the merchant's own move: a rule
  // ('rule:capture_on_ship'), a simulator ('sim:carrier') or a training
  // scenario ('training').
  cause: z.string().max(60).optional(),
  contentsDigest: z.string().regex(/^[0-9a-f]{64}$/),
})

export const FeedEvent = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('trading:info'),
    seq: z.int().min(1),
    trading: Trading,
  }),
  z.object({
    type: z.literal('trading:processing'),
    seq: z.int().min(1),
    processing: Processing,
  }),
])

export const ErrorCode = z.enum([
  'invalid_request',
  'unauthorized',
  'unknown_product',
  'out_of_stock',
  'not_found',
  'illegal_transition',
  'conflict',
  'rate_limited',
  'unavailable',
  'internal',
])

export const WireError = z.object({
  code: ErrorCode,
  message: z.string(),
})

// --- requests -------------------------------------------------------------

export const Credentials = z.strictObject({
  name: Text(LIMITS.nameMax),
  password: z.string().min(8).max(200),
})

export const OrderItemRequest = z.strictObject({
  sku: Sku,
  quantity: z.int().min(1).max(LIMITS.quantityMax),
})

export const PlaceOrderRequest = z.strictObject({
  requestId: RequestId,
  items: z.array(OrderItemRequest).min(1).max(LIMITS.itemsMax),
  shipTo: ShipTo,
  payment: Payment,
  // true: the answer carries the order's two feed events (their seqs and
  // the first processing information), and this socket is not sent them
  // as pushes; the buyer's other devices still are. One frame instead of
  // three for the device that ordered.
  feedInAnswer: z.boolean().optional(),
})

export const FeedSyncRequest = z.strictObject({
  after: z.int().min(0),
  limit: z.int().min(1).max(LIMITS.feedPageMax).optional(),
})

export const Empty = z.strictObject({})

export const TradeStateName = z.enum(['open', 'complete', 'closed'])

export const OrdersListRequest = z.strictObject({
  state: TradeStateName.optional(),
})

export const AdvanceRequest = z.strictObject({
  tradingId: TradingId,
  track: z.enum(TRACKS),
  to: z.string().min(1).max(40),
  carrier: Text(LIMITS.nameMax).optional(),
  trackingNo: Text(LIMITS.nameMax).optional(),
  note: Text(LIMITS.textMax).optional(),
})

export const CatalogUpsertRequest = z.strictObject({
  sku: Sku,
  name: Text(LIMITS.nameMax),
  priceMinor: MinorUnits,
  currency: Currency,
  stock: z.int().min(0).max(LIMITS.stockMax),
})

export const DrillRequest = z.strictObject({ buyerId: BuyerId })

export const KeyRotateRequest = z.strictObject({})

export type Product = z.infer<typeof Product>
export type ShipTo = z.infer<typeof ShipTo>
export type TradingItem = z.infer<typeof TradingItem>
export type Trading = z.infer<typeof Trading>
export type Processing = z.infer<typeof Processing>
export type FeedEvent = z.infer<typeof FeedEvent>
export type ErrorCode = z.infer<typeof ErrorCode>
export type WireError = z.infer<typeof WireError>
export type Credentials = z.infer<typeof Credentials>
export type PlaceOrderRequest = z.infer<typeof PlaceOrderRequest>
export type FeedSyncRequest = z.infer<typeof FeedSyncRequest>
export type OrdersListRequest = z.infer<typeof OrdersListRequest>
export type AdvanceRequest = z.infer<typeof AdvanceRequest>
export type CatalogUpsertRequest = z.infer<typeof CatalogUpsertRequest>
export type DrillRequest = z.infer<typeof DrillRequest>
export type PaymentMethod = z.infer<typeof PaymentMethod>
