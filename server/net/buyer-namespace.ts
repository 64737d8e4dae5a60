import type { Namespace, Socket } from 'socket.io'
import {
  BUYER_REQUESTS,
  type FeedEvent,
} from '../../shared/protocol/index.js'
import type { Logger } from '../logger.js'
import { ShopError } from '../shop/errors.js'
import type { Shop } from '../shop/shop.js'
import { Throttle, type Rate } from '../shop/throttle.js'
import { bindRequests, type HandlerMap } from './bind-requests.js'

const room = (buyerId: string) => `buyer:${buyerId}`

export const DEFAULT_ORDER_RATE: Rate = { burst: 50, perSecond: 20 }
// How often sockets are checked for a token that has expired meanwhile.
const SWEEP_MS = 30_000

export function buyerHandlers(
  shop: Shop,
  buyerId: string,
  admitOrder: () => void = () => undefined,
  socketId?: string,
): HandlerMap<typeof BUYER_REQUESTS> {
  return {
    'catalog:list': () => ({ products: shop.products() }),
    'order:place': async (req) => {
      admitOrder()
      return shop.answerOrder(buyerId, req, socketId)
    },
    'feed:sync': (req) => shop.syncFeed(buyerId, req.after, req.limit),
  }
}

// /buyer: a socket belongs to one buyer (from its token) and joins that
// buyer's room, so pushes reach every device of that buyer and no other.
// A socket whose token stops working (revoked, expired) is closed: at
// once on revocation, on its next request, or at the next sweep.
// Returns a function that stops the sweep.
export function attachBuyerNamespace(
  nsp: Namespace,
  shop: Shop,
  log: Logger,
  orderRate: Rate = DEFAULT_ORDER_RATE,
): () => void {
  nsp.use((socket, next) => {
    const who = shop.authenticate(socket.handshake.auth?.token)
    if (who == null) return next(new Error('unauthorized'))
    socket.data.buyerId = who.buyerId
    socket.data.tokenHash = who.tokenHash
    next()
  })

  nsp.on('connection', (socket) => {
    const buyerId = socket.data.buyerId as string
    void socket.join(room(buyerId))
    log.debug({ buyerId }, 'buyer connected')
    const orders = new Throttle(orderRate)
    // An endless burst (--order-rate 0, for benchmarks) needs no bucket.
    const admitOrder = orderRate.burst === Infinity ? () => undefined : () => {
      if (!orders.take('')) {
        throw new ShopError('rate_limited',
          'too many orders from this connection; wait a moment')
      }
    }
    bindRequests(socket, BUYER_REQUESTS,
      buyerHandlers(shop, buyerId, admitOrder, socket.id), log,
      () => stillValid(shop, socket))
  })

  shop.events.on('feed', (buyerId: string, ev: FeedEvent, except?: string) => {
    // None of the buyer's devices is connected: nothing to serialise (they
    // catch up with feed:sync). `except` has the event in its answer.
    const name = room(buyerId)
    const devices = nsp.adapter.rooms.get(name)
    if (devices == null) return
    if (except != null && devices.size === 1 && devices.has(except)) return
    const to = except == null ? nsp.to(name) : nsp.to(name).except(except)
    if (ev.type === 'trading:info') {
      to.emit('trading:info', { seq: ev.seq, trading: ev.trading })
    } else {
      to.emit('trading:processing', { seq: ev.seq, processing: ev.processing })
    }
  })
  shop.events.on('revoked', (buyerId: string) => {
    nsp.in(room(buyerId)).disconnectSockets(true)
  })

  const sweep = setInterval(() => {
    for (const socket of nsp.sockets.values()) {
      if (!stillValid(shop, socket)) socket.disconnect(true)
    }
  }, SWEEP_MS)
  sweep.unref()
  return () => clearInterval(sweep)
}

function stillValid(shop: Shop, socket: Socket): boolean {
  return shop.tokenOwner(socket.data.tokenHash as string) != null
}
