import type { z } from 'zod'
import type { MerchantTrade } from '../protocol/events.js'
import type {
  Processing,
  Product,
  Trading,
  WireError,
} from '../protocol/schemas.js'
import type { OperationEvents, OperationReplies } from './operations.js'
import type { Requests, RequestName } from './schemas.js'

// What main answers and announces. These travel from the trusted side to
// the renderer, so they are typed rather than checked at run time.

export interface ShopStatus {
  running: boolean
  starting: boolean
  url: string | null
  port: number
  host: string
  merchantKey: string | null
  dataDir: string
  error: string | null
}

export interface ConnectedBuyer {
  buyerId: string
  name: string
  trades: number
  devices: number
}

export type ConnectionStatus = 'connecting' | 'online' | 'offline' | 'unauthorized'

export interface SavedShop {
  shopId: string
  url: string
  name: string
  buyerId: string
  status: ConnectionStatus
}

export interface TimelineEntry {
  seq: number | null
  receivedAt: string
  processing: Processing
}

export interface BuyerTrade {
  trading: Trading
  present: Processing | null
  timeline: TimelineEntry[]
}

export type OrderState = 'queued' | 'sent' | 'placed' | 'refused'

export interface BuyerOrder {
  requestId: string
  state: OrderState
  request: {
    items: { sku: string; quantity: number }[]
    shipTo: { name: string; address: string }
    payment: { method: string }
  }
  createdAt: string
  updatedAt: string
  tradingId?: string
  error?: { code: string; message: string }
}

export interface BuyerWarning {
  id: string
  at: string
  seq: number | null
  reason: string
  message: string
  update: unknown
}

export interface BuyerState {
  shop: SavedShop
  trades: BuyerTrade[]
  orders: BuyerOrder[]
  warnings: BuyerWarning[]
}

export interface ConsoleState {
  shop: ShopStatus
  shops: SavedShop[]
  activeShopId: string | null
}

export interface Replies extends OperationReplies {
  'console:state': ConsoleState
  'shop:start': ShopStatus
  'shop:stop': ShopStatus
  'shop:configure': ShopStatus
  'merchant:trades': MerchantTrade[]
  'merchant:advance': Processing
  'merchant:catalog': Product[]
  'merchant:upsert': Product
  'merchant:buyers': ConnectedBuyer[]
  'merchant:drill': { tradingId: string }
  'buyer:connect': BuyerState
  'buyer:switch': BuyerState
  'buyer:signOut': ConsoleState
  'buyer:state': BuyerState | null
  'buyer:catalog': Product[]
  'buyer:placeOrder': BuyerOrder
  'window:openBuyer': { opened: boolean }
  'dialog:answer': { ok: true }
  'window:hello': { windowId: number | null }
}

export interface DialogRequest {
  dialogId: string
  kind: 'warning' | 'question'
  title: string
  message: string
  detail: string
  buttons: string[]
}

export type View =
  | 'merchant/board'
  | 'merchant/catalog'
  | 'merchant/shop'
  | 'merchant/dashboard'
  | 'merchant/training'
  | 'buyer/catalog'
  | 'buyer/trades'
  | 'buyer/warnings'

export interface Events extends OperationEvents {
  'shop:status': ShopStatus
  'merchant:changed': { trading: Trading; processing: Processing }
  'merchant:product': Product
  'buyer:shops': { shops: SavedShop[]; activeShopId: string | null }
  'buyer:trade': { shopId: string; trade: BuyerTrade }
  'buyer:order': { shopId: string; order: BuyerOrder }
  'buyer:warning': { shopId: string; warning: BuyerWarning }
  'ui:navigate': { view: View; tradingId?: string }
  // Only in the browser host, where there are no native dialogs,
  // notifications or windows: the page shows them itself.
  'ui:dialog': DialogRequest
  'ui:notify': { title: string; body: string }
  'ui:openWindow': { hash: string }
}

export type EventName = keyof Events

export type Payload<N extends RequestName> = z.input<(typeof Requests)[N]>

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: ConsoleError }

export interface ConsoleError extends Omit<WireError, 'code'> {
  code: WireError['code'] | 'unreachable' | 'not_running' | 'no_session'
}

// The object the preload (or the browser host's bridge) puts on
// window.tradepost: one function per request, and `on` for events.
export type ConsoleApi = {
  [N in RequestName]: (payload: Payload<N>) => Promise<Outcome<Replies[N]>>
} & {
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void
}

