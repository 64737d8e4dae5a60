import type {
  DeliveryStatus,
  OrderStatus,
  PaymentStatus,
  Track,
} from '../../../shared/protocol/statuses.js'
import type { TradeState } from '../../../shared/protocol/trade-state.js'
import type { ConnectionStatus, OrderState } from '../../../shared/contract/types.js'

// Words shown for the protocol's codes, and the colour tone of each.

export type Tone = 'neutral' | 'info' | 'primary' | 'success' | 'warning' | 'danger'

export const TRACK_LABELS: Record<Track, string> = {
  order: 'Order',
  delivery: 'Delivery',
  payment: 'Payment',
}

const ORDER: Record<OrderStatus, [string, Tone]> = {
  accepted: ['Accepted', 'info'],
  in_preparation: ['In preparation', 'primary'],
  ready: ['Ready', 'primary'],
  completed: ['Completed', 'success'],
  cancelled: ['Cancelled', 'danger'],
}
const DELIVERY: Record<DeliveryStatus, [string, Tone]> = {
  pending: ['Not shipped', 'neutral'],
  shipped: ['Shipped', 'info'],
  in_transit: ['In transit', 'primary'],
  delivered: ['Delivered', 'success'],
  cancelled: ['Cancelled', 'danger'],
  returned: ['Returned', 'warning'],
}
const PAYMENT: Record<PaymentStatus, [string, Tone]> = {
  pending: ['Awaiting payment', 'neutral'],
  authorized: ['Authorized', 'info'],
  captured: ['Paid', 'success'],
  failed: ['Failed', 'danger'],
  voided: ['Voided', 'warning'],
  refunded: ['Refunded', 'warning'],
}

const STATUS_TABLE: Record<Track, Record<string, [string, Tone]>> = {
  order: ORDER,
  delivery: DELIVERY,
  payment: PAYMENT,
}

export function statusLabel(track: Track, status: string): string {
  return STATUS_TABLE[track][status]?.[0] ?? status.replaceAll('_', ' ')
}

export function statusTone(track: Track, status: string): Tone {
  return STATUS_TABLE[track][status]?.[1] ?? 'neutral'
}

export const PAYMENT_METHOD_LABELS: Record<string, string> = {
  card: 'Card',
  bank_transfer: 'Bank transfer',
  invoice: 'Invoice',
  cash_on_delivery: 'Cash on delivery',
}

export function paymentMethodLabel(method: string): string {
  return PAYMENT_METHOD_LABELS[method] ?? method.replaceAll('_', ' ')
}

export const TRADE_STATE_LABELS: Record<TradeState, [string, Tone]> = {
  open: ['Open', 'info'],
  complete: ['Complete', 'success'],
  closed: ['Closed', 'neutral'],
}

export const ORDER_STATE_LABELS: Record<OrderState, [string, Tone]> = {
  queued: ['Queued — will be sent when the shop is back', 'warning'],
  sent: ['Sending to the shop…', 'info'],
  placed: ['Placed', 'success'],
  refused: ['Not placed', 'danger'],
}

export const CONNECTION_LABELS: Record<ConnectionStatus, [string, Tone]> = {
  online: ['Online', 'success'],
  connecting: ['Connecting…', 'info'],
  offline: ['Offline', 'warning'],
  unauthorized: ['Signed out', 'danger'],
}

export const WARNING_REASON_LABELS: Record<string, [string, string]> = {
  unknown_trading_id: [
    'Unknown trading ID',
    'The shop sent an update for a trade you never placed.',
  ],
  digest_mismatch: [
    'Contents don’t match',
    'The update describes different items, prices or delivery details than your trade.',
  ],
  impossible_transition: [
    'Impossible status change',
    'The update jumps to a status your trade could not have reached.',
  ],
  conflicting_trading_info: [
    'Conflicting trading info',
    'The shop sent the trade again with different contents.',
  ],
}

export function warningReason(reason: string): [string, string] {
  return WARNING_REASON_LABELS[reason] ?? [reason.replaceAll('_', ' '), '']
}
