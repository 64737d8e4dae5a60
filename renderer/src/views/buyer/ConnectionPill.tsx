import type { ConnectionStatus } from '../../../../shared/contract/types.js'
import { CONNECTION_LABELS } from '../../lib/labels.js'
import { TonePill } from '../../ui/Badge.js'

export function ConnectionPill({ status, testId }: { status: ConnectionStatus; testId?: string }) {
  const [label, tone] = CONNECTION_LABELS[status]
  return <TonePill tone={tone} testId={testId}>{label}</TonePill>
}
