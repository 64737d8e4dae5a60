import { describeError } from '../../../lib/errors.js'
import { useBoardStore } from '../../../stores/useBoardStore.js'
import { useCatalogStore } from '../../../stores/useCatalogStore.js'
import { useDemoStore } from '../../../stores/useDemoStore.js'
import { useUiStore } from '../../../stores/useUiStore.js'
import { ConfirmDialog } from '../../../ui/ConfirmDialog.js'

// Asks before wiping the demo shop; afterwards the board and catalog are
// read again, since every trade is gone and the stock is back.
export function ResetDemoDialog({ onClose }: { onClose: () => void }) {
  const reset = useDemoStore((s) => s.reset)
  const toast = useUiStore((s) => s.toast)

  async function confirm(): Promise<string | null> {
    const outcome = await reset()
    if (!outcome.ok) return describeError(outcome.error)
    if (useBoardStore.getState().load !== 'idle') void useBoardStore.getState().fetch()
    if (useCatalogStore.getState().load !== 'idle') void useCatalogStore.getState().fetch()
    toast('The demo shop was reset', 'success')
    return null
  }

  return (
    <ConfirmDialog title="Reset the demo shop?" confirmLabel="Yes, reset demo shop" onConfirm={confirm} onClose={onClose}>
      <p>This deletes every order of the demo shop and restores its starting catalog.</p>
      <p className="muted">This cannot be undone.</p>
    </ConfirmDialog>
  )
}
