import type { Processing } from '../../../../shared/protocol/schemas.js'
import { StatusPill } from '../../ui/Badge.js'

// The three tracks' present statuses side by side.
export function StatusTrio({ processing, caption = false }: { processing: Processing; caption?: boolean }) {
  return (
    <span className="trio">
      <StatusPill track="order" status={processing.order.status} caption={caption} />
      <StatusPill track="delivery" status={processing.delivery.status} caption={caption} />
      <StatusPill track="payment" status={processing.payment.status} caption={caption} />
    </span>
  )
}
