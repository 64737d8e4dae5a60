import { useState } from 'react'
import { request } from '../../api.js'
import { JSON_TYPE, downloadText } from '../../lib/download.js'
import { describeError } from '../../lib/errors.js'
import { useUiStore } from '../../stores/useUiStore.js'
import { Button } from '../../ui/Button.js'

// The buyer's whole trading file at this shop (trades, timelines, orders,
// warnings) as the JSON main keeps, downloaded under the name main gives.
export function ExportFileButton() {
  const [busy, setBusy] = useState(false)
  const toast = useUiStore((s) => s.toast)

  async function exportFile() {
    setBusy(true)
    const outcome = await request('buyer:exportFile', {})
    setBusy(false)
    if (!outcome.ok) {
      toast(`Could not export your trading file: ${describeError(outcome.error)}`, 'danger')
      return
    }
    try {
      downloadText(outcome.value.fileName, outcome.value.json, JSON_TYPE)
      toast(`Exported your trading file as ${outcome.value.fileName}`, 'success')
    } catch (err) {
      toast(`Could not save the file: ${err instanceof Error ? err.message : String(err)}`, 'danger')
    }
  }

  return (
    <Button busy={busy} onClick={() => void exportFile()} title="Download your trades at this shop as a JSON file">
      Export my trading file
    </Button>
  )
}
