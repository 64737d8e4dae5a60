import { ulid } from 'ulid'
import { z } from 'zod'
import {
  Payment,
  PlaceOrderRequest,
  type ShipTo,
} from '../../shared/protocol/index.js'
import type {
  OrderRecord,
  OrderState,
  StoredError,
  TradingFileData,
} from './trading-file-schema.js'

// The buyer's orders as kept in the trading file. An order's state only
// moves forward, so a late or repeated answer cannot undo a placement.

export interface OrderInput {
  items: { sku: string; quantity: number }[]
  shipTo: ShipTo
  payment: z.infer<typeof Payment>
}

export class InvalidOrderError extends Error {
  constructor(readonly issues: string) {
    super(`[tradepost] the order cannot be placed: ${issues}`)
    this.name = 'InvalidOrderError'
  }
}

export type OrderChange =
  | { state: 'sent' }
  | { state: 'placed'; tradingId: string }
  | { state: 'refused'; error: StoredError }

const FORWARD: Record<OrderState, readonly OrderState[]> = {
  queued: ['sent', 'placed', 'refused'],
  sent: ['placed', 'refused'],
  placed: [],
  refused: [],
}

// A new order with its own request ID; the shop places an order at most
// once per request ID, so the order can be resent safely.
export function createOrder(input: OrderInput, now: string): OrderRecord {
  const parsed = PlaceOrderRequest.safeParse({
    requestId: `r-${ulid()}`,
    items: input.items,
    shipTo: input.shipTo,
    payment: input.payment,
  })
  if (!parsed.success) {
    throw new InvalidOrderError(z.prettifyError(parsed.error))
  }
  const request = parsed.data
  const { requestId } = request
  return { requestId, state: 'queued', request, createdAt: now, updatedAt: now }
}

export function isPending(order: OrderRecord): boolean {
  return order.state === 'queued' || order.state === 'sent'
}

// Replaces the order with its changed copy and returns it, or returns
// null when the order is unknown or the change would move it backwards.
export function changeOrder(
  data: TradingFileData,
  requestId: string,
  change: OrderChange,
  now: string,
): OrderRecord | null {
  const index = data.orders.findIndex((o) => o.requestId === requestId)
  const order = data.orders[index]
  if (order == null || !FORWARD[order.state].includes(change.state)) {
    return null
  }
  const next: OrderRecord = { ...order, ...change, updatedAt: now }
  data.orders[index] = next
  return next
}
