import { ulid } from 'ulid'
import {
  contentsDigest,
  INITIAL_STATUSES,
  type Processing,
  type TrackStatus,
  type Trading,
} from '../../../shared/protocol/index.js'
import type { TradeRecord } from '../../../main/core/index.js'

// Made-up trades for tests that need no shop.

export const BUYER = `B-${ulid()}`

export function trading(overrides: Partial<Trading> = {}): Trading {
  return {
    tradingId: `T-${ulid()}`,
    buyerId: BUYER,
    placedAt: '2025-01-02T03:04:05.000Z',
    items: [{ sku: 'MUG', name: 'Mug', quantity: 2, unitPriceMinor: 900 }],
    totalMinor: 1800,
    currency: 'EUR',
    shipTo: { name: 'Ada', address: '1 Loop Road' },
    payment: { method: 'card' },
    ...overrides,
  }
}

export function processing(
  t: Trading,
  statuses: Partial<TrackStatus> = {},
): Processing {
  const s = { ...INITIAL_STATUSES, ...statuses }
  return {
    tradingId: t.tradingId,
    order: { status: s.order },
    delivery: { status: s.delivery },
    payment: { status: s.payment },
    updatedAt: '2025-01-02T03:05:00.000Z',
    contentsDigest: contentsDigest(t),
  }
}

// A stored trade standing at `statuses` (none yet when null).
export function tradeAt(
  t: Trading,
  statuses: Partial<TrackStatus> | null,
  seq = 1,
): TradeRecord {
  if (statuses == null) return { trading: t, present: null, timeline: [] }
  const p = processing(t, statuses)
  const entry = { seq, receivedAt: p.updatedAt, processing: p }
  return { trading: t, present: p, timeline: [entry] }
}
