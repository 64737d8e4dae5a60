// A plain-text table: right-aligned numbers, left-aligned text.

export type Cell = string | number | null | undefined

export interface TableSpec {
  title: string
  columns: string[]
  rows: Cell[][]
  notes?: string[]
}

export function fmt(v: Cell, digits = 1): string {
  if (v == null) return '–'
  if (typeof v === 'string') return v
  if (!Number.isFinite(v)) return '–'
  if (Number.isInteger(v) && Math.abs(v) >= 1000) return v.toLocaleString('en-US')
  if (Math.abs(v) >= 1000) return Math.round(v).toLocaleString('en-US')
  return Number.isInteger(v) ? String(v) : v.toFixed(digits)
}

export function renderTable(t: TableSpec): string {
  const cells = t.rows.map((r) => r.map((c) => fmt(c)))
  const widths = t.columns.map((h, i) =>
    Math.max(h.length, ...cells.map((r) => (r[i] ?? '').length)),
  )
  const numeric = t.columns.map((_, i) =>
    t.rows.every((r) => r[i] == null || typeof r[i] === 'number'),
  )
  const line = (r: string[]) =>
    r
      .map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd()
  const out = [
    `\n${t.title}`,
    line(t.columns),
    widths.map((w) => '─'.repeat(w)).join('  '),
    ...cells.map(line),
  ]
  for (const n of t.notes ?? []) out.push(`  ${n}`)
  return out.join('\n')
}

export const ms = (v: number) => (Number.isFinite(v) ? Math.round(v * 10) / 10 : v)
