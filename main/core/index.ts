// The buyer's trading core: plain Node, no Electron, so it runs and is
// tested on its own.
export {
  AccountError,
  ShopUnreachableError,
  registerBuyer,
  signIn,
  type AccountOptions,
  type BuyerSession,
} from './accounts.js'
export type {
  BuyerShopClientEvents,
  ClientProblem,
  ClientStatus,
} from './client-events.js'
export { InvalidOrderError, type OrderInput } from './order-book.js'
export {
  illegalMove,
  reconcile,
  reconcileInto,
  type Ledger,
  type Outcome,
  type ReconcileContext,
  type TradeUpdate,
} from './reconcile.js'
export { BuyerShopClient, type BuyerShopClientOptions } from './shop-client.js'
export { ShopRequestError } from './shop-requests.js'
export {
  CorruptFileError,
  ForeignTradingFileError,
  TradingFile,
  normalizeServerUrl,
  tradingFileName,
  type TradingFileAddress,
} from './trading-file.js'
export * from './trading-file-schema.js'
