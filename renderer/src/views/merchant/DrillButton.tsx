import { describeError } from '../../lib/errors.js'
import { shortId } from '../../lib/format.js'
import { useBuyersStore } from '../../stores/useBuyersStore.js'
import { useUiStore } from '../../stores/useUiStore.js'
import { Button } from '../../ui/Button.js'

// Training: the shop sends this buyer a stray update that their console
// must refuse and report as a warning. Nothing in the shop changes.
export function DrillButton({ buyerId, name }: { buyerId: string; name: string }) {
  const drill = useBuyersStore((s) => s.drill)
  const drilling = useBuyersStore((s) => s.drilling)
  const toast = useUiStore((s) => s.toast)

  async function run() {
    const outcome = await drill(buyerId)
    if (!outcome.ok) toast(`Drill not sent: ${describeError(outcome.error)}`, 'danger')
    else toast(`Drill sent to ${name}: a stray update for ${shortId(outcome.value.tradingId)}`, 'info')
  }

  return (
    <Button
      size="sm"
      aria-label={`Mismatch drill for ${name}`}
      title="Send this buyer a stray update their console should refuse"
      busy={drilling === buyerId}
      disabled={drilling != null}
      onClick={() => void run()}
    >
      Mismatch drill
    </Button>
  )
}
