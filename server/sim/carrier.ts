import type { Processing } from '../../shared/protocol/schemas.js'
import type { Random } from './random.js'
import type { Scheduler } from './scheduler.js'
import type { SimShop } from './sim-shop.js'

export interface CarrierOptions {
  // Mean time for each leg of the journey.
  transitMs: number
  deliverMs: number
  // Share of parcels sent back.
  returnRate: number
}

// A parcel service: once the merchant ships, the parcel goes in transit,
// then is delivered, and now and then comes back.
export function startCarrier(
  shop: SimShop,
  rng: Random,
  clock: Scheduler,
  opts: CarrierOptions,
): () => void {
  // A rule's follow-up repeats the shipped status; carry each parcel once.
  const carried = new Set<string>()
  const onChange = ({ processing }: { processing: Processing }) => {
    const id = processing.tradingId
    if (processing.delivery.status !== 'shipped' || carried.has(id)) return
    carried.add(id)
    const returned = rng.chance(opts.returnRate)
    clock.after(rng.delay(opts.transitMs), async () => {
      await move(shop, id, 'in_transit')
      clock.after(rng.delay(opts.deliverMs), () =>
        move(shop, id, returned ? 'returned' : 'delivered'),
      )
    })
  }
  shop.events.on('changed', onChange)
  return () => shop.events.off('changed', onChange)
}

// A move the trade may no longer allow (the merchant got there first) is
// simply not made.
async function move(shop: SimShop, tradingId: string, to: string) {
  await shop
    .advance({ tradingId, track: 'delivery', to }, 'sim:carrier')
    .catch(() => undefined)
}
