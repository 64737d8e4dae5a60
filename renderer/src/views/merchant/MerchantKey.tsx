import { useState } from 'react'
import { useUiStore } from '../../stores/useUiStore.js'
import { Button } from '../../ui/Button.js'

function mask(key: string): string {
  return `${'•'.repeat(8)}${key.slice(-4)}`
}

// The merchant key, masked, with show and copy.
export function MerchantKey({ value }: { value: string | null }) {
  const [shown, setShown] = useState(false)
  const toast = useUiStore((s) => s.toast)
  if (value == null) return <span className="muted">Made when the shop first starts</span>

  async function copy(key: string) {
    try {
      await navigator.clipboard.writeText(key)
      toast('Merchant key copied to the clipboard', 'success')
    } catch {
      toast('Could not copy: the clipboard is not available here', 'danger')
    }
  }

  return (
    <span className="key">
      <span className="mono key__value" data-testid="merchant-key">{shown ? value : mask(value)}</span>
      <Button size="sm" variant="ghost" aria-pressed={shown} onClick={() => setShown(!shown)}>
        {shown ? 'Hide key' : 'Show key'}
      </Button>
      <Button size="sm" variant="ghost" onClick={() => void copy(value)}>Copy key</Button>
    </span>
  )
}
