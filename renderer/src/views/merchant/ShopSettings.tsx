import { useState, type FormEvent } from 'react'
import type { ShopStatus } from '../../../../shared/contract/types.js'
import { useShopStore } from '../../stores/useShopStore.js'
import { useUiStore } from '../../stores/useUiStore.js'
import { Button } from '../../ui/Button.js'
import { Card } from '../../ui/Card.js'
import { TextField } from '../../ui/Field.js'

// The port, changeable while the shop is stopped.
export function ShopSettings({ status }: { status: ShopStatus }) {
  const configure = useShopStore((s) => s.configure)
  const busy = useShopStore((s) => s.busy)
  const toast = useUiStore((s) => s.toast)
  const [port, setPort] = useState(String(status.port))
  const [error, setError] = useState<string | null>(null)
  const locked = status.running || status.starting

  async function submit(e: FormEvent) {
    e.preventDefault()
    const value = /^\d+$/.test(port.trim()) ? Number(port.trim()) : NaN
    if (!Number.isInteger(value) || value < 0 || value > 65535) {
      setError('Enter a port from 1 to 65535, or 0 for any free port.')
      return
    }
    setError(null)
    if (await configure(value)) toast(`The shop will listen on port ${value === 0 ? 'any free port' : value}`, 'success')
  }

  return (
    <Card title="Settings">
      <form className="inline-form" onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          label="Port"
          inputMode="numeric"
          value={port}
          disabled={locked}
          error={error}
          hint={locked ? 'Stop the shop to change its port.' : 'Buyers use this port in the shop’s address.'}
          onChange={(e) => setPort(e.target.value)}
        />
        <Button type="submit" disabled={locked} busy={busy === 'configure'}>Save port</Button>
      </form>
    </Card>
  )
}
