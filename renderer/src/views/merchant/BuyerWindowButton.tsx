import { useState } from 'react'
import { request } from '../../api.js'
import { describeError } from '../../lib/errors.js'
import { useUiStore } from '../../stores/useUiStore.js'
import { Button } from '../../ui/Button.js'

// Opens a buyer's console next to the merchant's (Electron opens a
// window; the browser host decides for itself).
export function BuyerWindowButton() {
  const [busy, setBusy] = useState(false)
  const toast = useUiStore((s) => s.toast)

  async function open() {
    setBusy(true)
    const outcome = await request('window:openBuyer', {})
    setBusy(false)
    if (!outcome.ok) toast(describeError(outcome.error), 'danger')
    else if (!outcome.value.opened) toast('No buyer window was opened here. Open #/buyer in a new tab instead.', 'info')
  }

  return <Button busy={busy} onClick={() => void open()}>Open a buyer window</Button>
}
