import { useState } from 'react'
import { describeError } from '../../lib/errors.js'
import { useSettingsStore } from '../../stores/useSettingsStore.js'
import { parseStockCount } from './rulesDraft.js'

// The product dialog's own low-stock threshold: empty means the shop's
// default. It lives in the shop's settings (lowStock.perSku), not in the
// product, so it is saved apart, after the product.
export function useLowStockField(sku: string | null) {
  const settings = useSettingsStore((s) => s.settings)
  const saveSkuThreshold = useSettingsStore((s) => s.saveSkuThreshold)
  const before = sku != null ? settings?.lowStock.perSku[sku] ?? null : null
  const [value, setValue] = useState(before != null ? String(before) : '')
  const [error, setError] = useState<string | null>(null)

  const hint = settings == null
    ? 'Unavailable: the shop’s rules could not be loaded.'
    : `Empty: the shop’s default, ${settings.lowStock.threshold.toLocaleString()}.`

  // The threshold typed (null for the default), or undefined if invalid.
  function check(): number | null | undefined {
    if (value.trim() === '') {
      setError(null)
      return null
    }
    const parsed = parseStockCount(value)
    setError('error' in parsed ? parsed.error : null)
    return 'error' in parsed ? undefined : parsed.count
  }

  // Resolves to a problem to report, or null when saved (or unchanged).
  async function save(savedSku: string, wanted: number | null): Promise<string | null> {
    const current = useSettingsStore.getState().settings
    if (current == null || (current.lowStock.perSku[savedSku] ?? null) === wanted) return null
    const outcome = await saveSkuThreshold(savedSku, wanted)
    return outcome.ok ? null : describeError(outcome.error)
  }

  return { value, setValue, error, hint, disabled: settings == null, check, save }
}
