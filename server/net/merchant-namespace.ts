import type { Namespace } from 'socket.io'
import { MERCHANT_REQUESTS } from '../../shared/protocol/index.js'
import type { Logger } from '../logger.js'
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
    'key:rotate': async () => ({ merchantKey: await shop.rotateMerchantKey() }),
    'settings:get': () => ({ settings: shop.settings() }),
    'settings:save': async (req) => ({ settings: await shop.saveSettings(req) }),
  }
}

// /merchant: only sockets presenting the merchant key get in; all of them
// hear every change to every trade. When the key is rotated, every socket
// that came in with the old one is closed (after the answer to the
// rotation is out), and a request that slips in before that is refused.
export function attachMerchantNamespace(
  nsp: Namespace,
  shop: Shop,
  log: Logger,
): void {
  nsp.use((socket, next) => {
    if (!shop.keys.matches(socket.handshake.auth?.merchantKey)) {
      return next(new Error('unauthorized'))
    }
    socket.data.keyVersion = shop.keys.version
    next()
  })

  nsp.on('connection', (socket) => {
    log.debug('merchant connected')
    bindRequests(socket, MERCHANT_REQUESTS, merchantHandlers(shop), log,
      () => socket.data.keyVersion === shop.keys.version)
  })

  // With no merchant console connected there is nobody to tell, and a
  // broadcast would still serialise the push (a twentieth of the CPU time
  // of an order).
  shop.events.on('changed', (change) => {
    if (nsp.sockets.size > 0) nsp.emit('order:changed', change)
  })
  shop.events.on('product', (product) => {
    if (nsp.sockets.size > 0) nsp.emit('catalog:changed', { product })
  })
  shop.events.on('settings', (settings) => {
    if (nsp.sockets.size > 0) nsp.emit('settings:changed', { settings })
  })
  shop.events.on('keyRotated', () => {
    for (const socket of nsp.sockets.values()) {
      if (socket.data.keyVersion !== shop.keys.version) socket.disconnect(true)
    }
  })
}
