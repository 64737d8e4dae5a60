import { z } from 'zod'
import type { RequestName } from './names.js'
import { OperationRequests } from './operations.js'
import {
  AdvanceRequest,
  BuyerId,
  CatalogUpsertRequest,
  Payment,
  ShipTo,
} from '../protocol/schemas.js'

export { REQUEST_NAMES, type RequestName } from './names.js'

// Payload schemas of the console contract (renderer → main). main checks
// every request against these before it acts; this file imports nothing
// from Node, so the renderer can share it.

export const NoPayload = z.strictObject({})

export const ShopUrl = z
  .string()
  .trim()
  .min(1)
  .max(300)
  .refine(isHttpUrl, { message: 'a shop address looks like http://host:port' })

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text.includes('://') ? text : `http://${text}`)
    return url.protocol === 'http:' || url.protocol === 'https:'
  } catch {
    return false
  }
}

export const ShopId = z.string().min(1).max(200)

export const BuyerConnect = z.strictObject({
  url: ShopUrl,
  name: z.string().trim().min(1).max(80),
  password: z.string().min(8).max(200),
  mode: z.enum(['register', 'signIn']),
})

export const BuyerPlaceOrder = z.strictObject({
  items: z
    .array(z.strictObject({ sku: z.string().min(1).max(64), quantity: z.int().min(1) }))
    .min(1)
    .max(100),
  shipTo: ShipTo,
  payment: Payment,
})

export const ShopSettings = z.strictObject({
  port: z.int().min(0).max(65535),
})

export const DialogAnswer = z.strictObject({
  dialogId: z.string().min(1).max(100),
  button: z.int().min(0).max(5),
})

// A window says which side it shows, so main knows where a buyer's
// warning belongs.
export const WindowHello = z.strictObject({
  role: z.enum(['welcome', 'merchant', 'buyer']),
})

export const Requests = {
  'console:state': NoPayload,
  'shop:start': NoPayload,
  'shop:stop': NoPayload,
  'shop:configure': ShopSettings,
  'merchant:trades': NoPayload,
  'merchant:advance': AdvanceRequest,
  'merchant:catalog': NoPayload,
  'merchant:upsert': CatalogUpsertRequest,
  'merchant:buyers': NoPayload,
  'merchant:drill': z.strictObject({ buyerId: BuyerId }),
  'buyer:connect': BuyerConnect,
  'buyer:switch': z.strictObject({ shopId: ShopId }),
  'buyer:signOut': z.strictObject({ shopId: ShopId }),
  'buyer:state': NoPayload,
  'buyer:catalog': NoPayload,
  'buyer:placeOrder': BuyerPlaceOrder,
  'window:openBuyer': NoPayload,
  'dialog:answer': DialogAnswer,
  'window:hello': WindowHello,
  ...OperationRequests,
} as const satisfies Record<RequestName, z.ZodType>

// Every name has a schema and every schema a name.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never
export const NAMES_MATCH: Exact<keyof typeof Requests, RequestName> = true
