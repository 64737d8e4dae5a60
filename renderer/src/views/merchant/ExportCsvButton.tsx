import type { MerchantTrade } from '../../../../shared/protocol/events.js'
import { csvFileName, tradesCsv } from '../../lib/csv.js'
import { CSV_TYPE, downloadText } from '../../lib/download.js'
import { plural } from '../../lib/format.js'
import { useUiStore } from '../../stores/useUiStore.js'
import { Button } from '../../ui/Button.js'

// Downloads exactly the trades the board shows now (its filters applied)
// as tradepost-trades-YYYY-MM-DD.csv.
export function ExportCsvButton({ trades }: { trades: MerchantTrade[] }) {
  const toast = useUiStore((s) => s.toast)

  function exportCsv() {
    const fileName = csvFileName()
    try {
      downloadText(fileName, tradesCsv(trades), CSV_TYPE)
      toast(`Exported ${plural(trades.length, 'trade')} to ${fileName}`, 'success')
    } catch (err) {
      toast(`Could not export: ${err instanceof Error ? err.message : String(err)}`, 'danger')
    }
  }

  return (
    <Button
      disabled={trades.length === 0}
      title={trades.length === 0 ? 'No trades to export with these filters' : 'The trades shown, as a CSV file'}
      onClick={exportCsv}
    >
      Export CSV
    </Button>
  )
}
