import { useEffect } from 'react'
import { useBuyerStore } from '../../stores/useBuyerStore.js'
import { EmptyState } from '../../ui/EmptyState.js'
import { PageHeader } from '../../ui/Shell.js'
import { WarningCard } from './WarningCard.js'

// Every update the console refused because it did not match a trade.
export function WarningsPage({ highlight }: { highlight: string | null }) {
  const warnings = useBuyerStore((s) => s.warnings)
  const newest = [...warnings].sort((a, b) => b.at.localeCompare(a.at))

  useEffect(() => {
    if (highlight == null) return
    document.querySelector('.warning.is-highlighted')?.scrollIntoView({ block: 'center' })
  }, [highlight])

  return (
    <div className="page">
      <PageHeader
        title="Warnings"
        description="Updates from the shop that did not match your trades. They were kept aside and never applied to a trade."
      />
      {newest.length === 0
        ? (
          <EmptyState icon="check" title="No warnings">
            Every update from the shop matched your trades.
          </EmptyState>
        )
        : (
          <ol className="warning-list" aria-label="Warnings">
            {newest.map((w) => <li key={w.id}><WarningCard warning={w} highlight={highlight} /></li>)}
          </ol>
        )}
    </div>
  )
}
