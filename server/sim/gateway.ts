import type { Processing } from '../../shared/protocol/schemas.js'
import type { Random } from './random.js'
import type { Scheduler } from './scheduler.js'
import type { SimShop } from './sim-shop.js'

export interface GatewayOptions {
  authorizeMs: number
  // Share of payments the bank declines.
  declineRate: number
}

// A payment gateway: each new trade's payment is authorized after a
// while, or declined.
export function startGateway(
  shop: SimShop,
  rng: Random,
  clock: Scheduler,
  opts: GatewayOptions,
): () => void {
  const onChange = ({ processing }: { processing: Processing }) => {
    const fresh =
      processing.order.status === 'accepted' &&
      processing.payment.status === 'pending' &&
      processing.delivery.status === 'pending' &&
      processing.cause == null
    if (!fresh) return
    const declined = rng.chance(opts.declineRate)
    clock.after(rng.delay(opts.authorizeMs), () =>
      shop
        .advance(
          {
            tradingId: processing.tradingId,
            track: 'payment',
            to: declined ? 'failed' : 'authorized',
            ...(declined ? { note: 'the card was declined by the bank' } : {}),
          },
          'sim:gateway',
        )
        .then(() => undefined)
        .catch(() => undefined),
    )
  }
  shop.events.on('changed', onChange)
  return () => shop.events.off('changed', onChange)
}
