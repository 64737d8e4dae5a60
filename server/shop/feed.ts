import { newUlid } from '../../shared/ids.js'
import {
  LIMITS,
  type FeedEvent,
  type Processing,
} from '../../shared/protocol/index.js'
import type { StoredFeedEvent } from '../store/records.js'
import type { ShopStore } from '../store/shop-store.js'
import { ShopError } from './errors.js'

// Turns a stored feed event into the event the buyer receives. A trade's
// earlier processing informations are packed (packed-past.ts), and a page
// of a catch-up holds most of a trade's events one after the other, so
// `unpacked` keeps each trade's history for the rest of the page.
export function materialize(
  store: ShopStore,
  ev: StoredFeedEvent,
  unpacked = new Map<string, Processing[]>(),
): FeedEvent {
  if ('stray' in ev) {
    return { type: ev.type, seq: ev.seq, processing: ev.stray }
  }
  const trade = store.state.trades.get(ev.tradingId)
  if (trade == null) throw new Error(`[feed] missing trade ${ev.tradingId}`)
  if (ev.type === 'trading:info') {
    return { type: ev.type, seq: ev.seq, trading: trade.trading }
  }
  let history = unpacked.get(ev.tradingId)
  if (history == null || history.length <= ev.index) {
    history = trade.history()
    unpacked.set(ev.tradingId, history)
  }
  const processing = history[ev.index]
  if (processing == null) throw new Error(`[feed] missing ${ev.tradingId}#${ev.index}`)
  return { type: ev.type, seq: ev.seq, processing }
}

// The buyer's feed events after `after`, oldest first, one page at most.
export async function syncFeed(
  store: ShopStore,
  buyerId: string,
  after: number,
  limit: number = LIMITS.feedPageMax,
): Promise<{ events: FeedEvent[]; lastSeq: number }> {
  // Hand out nothing that is not on disk yet.
  await store.settled()
  const feed = store.state.buyers.get(buyerId)?.feed
  if (feed == null) return { events: [], lastSeq: 0 }
  const page = feed.slice(after, after + limit)
  const unpacked = new Map<string, Processing[]>()
  return {
    events: page.map((ev) => materialize(store, ev, unpacked)),
    lastSeq: feed.length,
  }
}

// For training: a processing information about a trade the buyer does not
// hold, put in the buyer's feed like any other event.
export async function mismatchDrill(
  store: ShopStore,
  buyerId: string,
): Promise<{ event: FeedEvent }> {
  const doc = store.state.buyers.get(buyerId)
  if (doc == null) throw new ShopError('not_found', `no buyer ${buyerId}`)
  const now = new Date().toISOString()
  const stray: Processing = {
    tradingId: newUlid('T-'),
    order: { status: 'in_preparation' },
    delivery: { status: 'pending' },
    payment: { status: 'authorized' },
    updatedAt: now,
    note: 'training: a processing update for a trade you never placed',
    contentsDigest: '0'.repeat(64),
  }
  const seq = doc.feed.length + 1
  const ev = { seq, type: 'trading:processing' as const, stray }
  await store.commit({ t: 'feed', buyerId, feed: [ev] })
  return { event: { type: ev.type, seq, processing: stray } }
}
