import type { Namespace } from 'socket.io'
import {
  BUYER_REQUESTS,
  type FeedEvent,
} from '../../shared/protocol/index.js'
import type { Logger } from '../logger.js'
import type { Shop } from '../shop/shop.js'
import { bindRequests, type HandlerMap } from './bind-requests.js'

const room = (buyerId: string) => `buyer:${buyerId}`

export function buyerHandlers(
  shop: Shop,
  buyerId: string,
): HandlerMap<typeof BUYER_REQUESTS> {
  return {
    'catalog:list': () => ({ products: shop.products() }),
    'order:place': async (req) => ({
      trading: await shop.placeOrder(buyerId, req),
    }),
    'feed:sync': (req) => shop.syncFeed(buyerId, req.after, req.limit),
  }
}

// /buyer: a socket belongs to one buyer (from its token) and joins that
// buyer's room, so pushes reach every device of that buyer and no other.
export function attachBuyerNamespace(
  nsp: Namespace,
  shop: Shop,
  log: Logger,
): void {
  nsp.use((socket, next) => {
    const buyerId = shop.authenticate(socket.handshake.auth?.token)
    if (buyerId == null) return next(new Error('unauthorized'))
    socket.data.buyerId = buyerId
    next()
  })

  nsp.on('connection', (socket) => {
    const buyerId = socket.data.buyerId as string
    void socket.join(room(buyerId))
    log.debug({ buyerId }, 'buyer connected')
    bindRequests(socket, BUYER_REQUESTS, buyerHandlers(shop, buyerId), log)
  })

  shop.events.on('feed', (buyerId: string, ev: FeedEvent) => {
    const to = nsp.to(room(buyerId))
    if (ev.type === 'trading:info') {
      to.emit('trading:info', { seq: ev.seq, trading: ev.trading })
    } else {
      to.emit('trading:processing', { seq: ev.seq, processing: ev.processing })
    }
  })
}
