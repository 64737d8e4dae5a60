import type {
  OrderRecord,
  TradeRecord,
  WarningRecord,
} from './trading-file-schema.js'

// What a BuyerShopClient tells its listeners.

export type ClientStatus = 'connecting' | 'online' | 'offline' | 'unauthorized'

// Trouble that is not a mismatch of trade data: a payload that does not
// parse, a request that failed, or a shop whose feed is behind the file.
// Nothing was applied from it.
export interface ClientProblem {
  kind: 'invalid_payload' | 'request_failed' | 'feed_behind'
  message: string
  payload?: unknown
}

export interface BuyerShopClientEvents {
  // a trade was stored or changed; `trade` is its record as now on disk
  trade: [tradingId: string, trade: TradeRecord]
  // an update from the shop did not fit the stored trades
  warning: [warning: WarningRecord]
  order: [order: OrderRecord]
  status: [status: ClientStatus]
  problem: [problem: ClientProblem]
  // the client has caught up with the shop's feed up to `lastSeq`
  synced: [lastSeq: number]
}
