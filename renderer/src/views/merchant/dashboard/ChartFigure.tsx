import { useId, type ReactNode } from 'react'

interface ChartFigureProps {
  title: string
  summary: string
  // The chart's numbers: a header row, then one row per bar or slice.
  table: { head: string[]; rows: (string | number)[][] }
  children: ReactNode
  className?: string
}

// A chart with its title, a one-line summary, and its numbers as a table
// that folds open (for keyboard and screen-reader users too: the drawing
// itself is hidden from assistive technology).
export function ChartFigure({ title, summary, table, children, className }: ChartFigureProps) {
  const id = useId()
  return (
    <figure className={['chart', className].filter(Boolean).join(' ')} aria-labelledby={`${id}-title`}>
      <figcaption className="chart__caption">
        <span className="chart__title" id={`${id}-title`}>{title}</span>
        <span className="chart__summary">{summary}</span>
      </figcaption>
      <div className="chart__plot" aria-hidden="true">{children}</div>
      <details className="chart__data">
        <summary>Show the numbers<span className="sr-only"> of {title}</span></summary>
        <table className="table table--compact">
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr>{table.head.map((h, i) => <th key={h} scope="col" className={i > 0 ? 'num' : undefined}>{h}</th>)}</tr>
          </thead>
          <tbody>
            {table.rows.map((row, i) => (
              <tr key={i}>
                {row.map((cell, j) => (j === 0
                  ? <th key={j} scope="row">{cell}</th>
                  : <td key={j} className="num">{typeof cell === 'number' ? cell.toLocaleString() : cell}</td>))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  )
}
