import { z } from 'zod'

// The merchant's shop-wide settings: which automatic rules the server
// applies as it manages each trade, how long a trade may wait in a status
// before it needs attention, and when stock counts as low.

export const RULES = [
  'capture_on_ship',
  'complete_when_delivered_and_paid',
  'settle_on_cancel',
  'refund_on_return',
] as const
export type RuleName = (typeof RULES)[number]

export const RULE_TEXT: Record<RuleName, string> = {
  capture_on_ship: 'Capture an authorized payment when the parcel ships',
  complete_when_delivered_and_paid:
    'Complete the order when it is delivered and paid',
  settle_on_cancel:
    'On cancel: void an authorized payment or refund a captured one, ' +
    'and cancel a delivery that has not shipped',
  refund_on_return: 'Refund the payment when a parcel is returned',
}

const Minutes = z.int().min(1).max(60 * 24 * 365)

export const ShopSettings = z.strictObject({
  rules: z.strictObject({
    capture_on_ship: z.boolean(),
    complete_when_delivered_and_paid: z.boolean(),
    settle_on_cancel: z.boolean(),
    refund_on_return: z.boolean(),
  }),
  // Minutes a trade may stay in one status of a track before it is flagged.
  attention: z.strictObject({
    order: Minutes,
    delivery: Minutes,
    payment: Minutes,
  }),
  lowStock: z.strictObject({
    threshold: z.int().min(0).max(1_000_000),
    perSku: z.record(z.string().max(64), z.int().min(0).max(1_000_000)),
  }),
})
export type ShopSettings = z.infer<typeof ShopSettings>

export const DEFAULT_SHOP_SETTINGS: ShopSettings = {
  rules: {
    capture_on_ship: false,
    complete_when_delivered_and_paid: false,
    settle_on_cancel: false,
    refund_on_return: false,
  },
  attention: { order: 24 * 60, delivery: 3 * 24 * 60, payment: 2 * 24 * 60 },
  lowStock: { threshold: 5, perSku: {} },
}
