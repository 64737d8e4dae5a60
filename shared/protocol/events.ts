import type { z } from 'zod'
import {
  AdvanceRequest,
  CatalogUpsertRequest,
  DrillRequest,
  Empty,
  KeyRotateRequest,
  FeedSyncRequest,
  OrdersListRequest,
  PlaceOrderRequest,
  type FeedEvent,
  type Processing,
  type Product,
  type Trading,
  type WireError,
} from './schemas.js'
import { ShopSettings } from './settings.js'

// Every request is an event whose last argument is an acknowledgement
// callback; the answer is a Result. Requests are listed once here, with the
// schema the server checks them against.

export type Result<T extends object> = ({ ok: true } & T) | Failure
export type Failure = { ok: false; error: WireError }

export const BUYER_REQUESTS = {
  'catalog:list': Empty,
  'order:place': PlaceOrderRequest,
  'feed:sync': FeedSyncRequest,
} as const

export const MERCHANT_REQUESTS = {
  'orders:list': OrdersListRequest,
  'order:advance': AdvanceRequest,
  'catalog:upsert': CatalogUpsertRequest,
  'catalog:list': Empty,
  'drill:mismatch': DrillRequest,
  'key:rotate': KeyRotateRequest,
  'settings:get': Empty,
  'settings:save': ShopSettings,
} as const

export interface MerchantTrade {
  trading: Trading
  processing: Processing
  history: Processing[]
}

export interface BuyerReplies {
  'catalog:list': { products: Product[] }
  'order:place': { trading: Trading }
  'feed:sync': { events: FeedEvent[]; lastSeq: number }
}

export interface MerchantReplies {
  'orders:list': { trades: MerchantTrade[] }
  'order:advance': { processing: Processing }
  'catalog:upsert': { product: Product }
  'catalog:list': { products: Product[] }
  'drill:mismatch': { tradingId: string }
  'key:rotate': { merchantKey: string }
  'settings:get': { settings: ShopSettings }
  'settings:save': { settings: ShopSettings }
}

type Requests<R, Q extends Record<keyof R, z.ZodType>> = {
  [K in keyof R & keyof Q]: (
    payload: z.input<Q[K]>,
    ack: (result: Result<R[K] & object>) => void,
  ) => void
}

export type BuyerClientEvents = Requests<
  BuyerReplies,
  typeof BUYER_REQUESTS
>
export type MerchantClientEvents = Requests<
  MerchantReplies,
  typeof MERCHANT_REQUESTS
>

export interface BuyerServerEvents {
  'trading:info': (push: { seq: number; trading: Trading }) => void
  'trading:processing': (push: { seq: number; processing: Processing }) => void
}

export interface MerchantServerEvents {
  'order:changed': (push: { trading: Trading; processing: Processing }) => void
  'catalog:changed': (push: { product: Product }) => void
  'settings:changed': (push: { settings: ShopSettings }) => void
}

export const NAMESPACES = { buyer: '/buyer', merchant: '/merchant' } as const
