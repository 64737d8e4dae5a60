import { useState } from 'react'
import { request } from '../../api.js'
import { hrefOf, navigate } from '../../app/route.js'
import { describeError } from '../../lib/errors.js'
import { useUiStore } from '../../stores/useUiStore.js'
import { Button } from '../../ui/Button.js'

// A trade's receipt as a PDF. Electron writes the file itself and says
// where; the browser host asks the page to print it (the browser's own
// print dialog saves as PDF), on the printable receipt page.
export function ReceiptButton({ tradingId }: { tradingId: string }) {
  const [busy, setBusy] = useState(false)
  const toast = useUiStore((s) => s.toast)

  async function receipt() {
    setBusy(true)
    const outcome = await request('merchant:receipt', { tradingId })
    setBusy(false)
    if (!outcome.ok) {
      toast(`No receipt: ${describeError(outcome.error)}`, 'danger')
      return
    }
    const { saved, printInPage } = outcome.value
    if (saved != null) toast(`Receipt saved to ${saved}`, 'success')
    if (printInPage) navigate(hrefOf({ area: 'receipt', tradingId }))
    else if (saved == null) toast('The receipt was not saved.', 'info')
  }

  return (
    <Button size="sm" busy={busy} onClick={() => void receipt()} title="Save or print this trade’s receipt">
      Receipt (PDF)
    </Button>
  )
}
