// The three tracks of a trade, their statuses and the legal moves between
// them. Both the shop server (which enforces moves) and the buyer's core
// (which checks that pushed updates are reachable) read this one table.

export const ORDER_STATUSES = [
  'accepted',
  'in_preparation',
  'ready',
  'completed',
  'cancelled',
] as const
export const DELIVERY_STATUSES = [
  'pending',
  'shipped',
  'in_transit',
  'delivered',
  'cancelled',
  'returned',
] as const
export const PAYMENT_STATUSES = [
  'pending',
  'authorized',
  'captured',
  'failed',
  'voided',
  'refunded',
] as const

export type OrderStatus = (typeof ORDER_STATUSES)[number]
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number]
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number]

export const TRACKS = ['order', 'delivery', 'payment'] as const
export type Track = (typeof TRACKS)[number]

export interface TrackStatus {
  order: OrderStatus
  delivery: DeliveryStatus
  payment: PaymentStatus
}

export const INITIAL_STATUSES: TrackStatus = {
  order: 'accepted',
  delivery: 'pending',
  payment: 'pending',
}

type Table<S extends string> = Readonly<Record<S, readonly S[]>>

const ORDER_MOVES: Table<OrderStatus> = {
  accepted: ['in_preparation', 'cancelled'],
  in_preparation: ['ready', 'cancelled'],
  ready: ['completed', 'cancelled'],
  completed: [],
  cancelled: [],
}

const DELIVERY_MOVES: Table<DeliveryStatus> = {
  pending: ['shipped', 'cancelled'],
  shipped: ['in_transit', 'returned'],
  in_transit: ['delivered', 'returned'],
  delivered: ['returned'],
  cancelled: [],
  returned: [],
}

const PAYMENT_MOVES: Table<PaymentStatus> = {
  pending: ['authorized', 'captured', 'failed'],
  authorized: ['captured', 'failed', 'voided'],
  captured: ['refunded'],
  failed: [],
  voided: [],
  refunded: [],
}

export const TRANSITIONS: { readonly [T in Track]: Table<TrackStatus[T]> } = {
  order: ORDER_MOVES,
  delivery: DELIVERY_MOVES,
  payment: PAYMENT_MOVES,
}

export const STATUSES: { readonly [T in Track]: readonly TrackStatus[T][] } = {
  order: ORDER_STATUSES,
  delivery: DELIVERY_STATUSES,
  payment: PAYMENT_STATUSES,
}
