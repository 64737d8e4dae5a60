import type { Namespace } from 'socket.io'
import { MERCHANT_REQUESTS } from '../../shared/protocol/index.js'
import type { Logger } from '../logger.js'
import { sameSecret } from '../shop/passwords.js'
import type { Shop } from '../shop/shop.js'
import { bindRequests, type HandlerMap } from './bind-requests.js'

export function merchantHandlers(
  shop: Shop,
): HandlerMap<typeof MERCHANT_REQUESTS> {
  return {
    'orders:list': async (req) => ({ trades: await shop.trades(req.state) }),
    'order:advance': async (req) => ({ processing: await shop.advance(req) }),
    'catalog:upsert': async (req) => ({
      product: await shop.upsertProduct(req),
    }),
    'catalog:list': () => ({ products: shop.products() }),
    'drill:mismatch': async (req) => ({
      tradingId: await shop.drillMismatch(req.buyerId),
    }),
  }
}

// /merchant: only sockets presenting the merchant key get in; all of them
// hear every change to every trade.
export function attachMerchantNamespace(
  nsp: Namespace,
  shop: Shop,
  merchantKey: string,
  log: Logger,
): void {
  nsp.use((socket, next) => {
    const key: unknown = socket.handshake.auth?.merchantKey
    if (typeof key !== 'string' || !sameSecret(key, merchantKey)) {
      return next(new Error('unauthorized'))
    }
    next()
  })

  nsp.on('connection', (socket) => {
    log.debug('merchant connected')
    bindRequests(socket, MERCHANT_REQUESTS, merchantHandlers(shop), log)
  })

  shop.events.on('changed', (change) => nsp.emit('order:changed', change))
  shop.events.on('product', (product) =>
    nsp.emit('catalog:changed', { product }),
  )
}
