import type { OrderState } from '../../../../shared/contract/types.js'
import { ORDER_STATE_LABELS } from '../../lib/labels.js'
import { TonePill } from '../../ui/Badge.js'

export function OrderStatePill({ state }: { state: OrderState }) {
  const [label, tone] = ORDER_STATE_LABELS[state]
  return <TonePill tone={tone} testId="order-state">{label}</TonePill>
}
