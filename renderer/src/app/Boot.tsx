import { useEffect, useState } from 'react'
import { connectApi } from '../api.js'
import { wireEvents } from '../events.js'
import { Button } from '../ui/Button.js'
import { Loading } from '../ui/Spinner.js'
import { App } from './App.js'

type Phase = { kind: 'connecting' } | { kind: 'ready' } | { kind: 'failed'; message: string }

// Connects to main (preload or browser bridge), wires its events into the
// stores, then shows the app.
export function Boot() {
  const [phase, setPhase] = useState<Phase>({ kind: 'connecting' })
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    let cancelled = false
    let off: (() => void) | null = null
    connectApi().then(
      () => {
        if (cancelled) return
        off = wireEvents()
        setPhase({ kind: 'ready' })
      },
      (err: unknown) => {
        if (cancelled) return
        setPhase({ kind: 'failed', message: err instanceof Error ? err.message : String(err) })
      },
    )
    return () => {
      cancelled = true
      off?.()
    }
  }, [attempt])

  if (phase.kind === 'ready') return <App />
  return (
    <main className="boot">
      {phase.kind === 'connecting'
        ? <Loading label="Connecting to Tradepost…" />
        : (
          <div className="boot__failed" role="alert">
            <h1 className="page-title">Tradepost could not start</h1>
            <p>The console could not reach its core ({phase.message}).</p>
            <Button
              variant="primary"
              onClick={() => {
                setPhase({ kind: 'connecting' })
                setAttempt((n) => n + 1)
              }}
            >
              Try again
            </Button>
          </div>
        )}
    </main>
  )
}
