// One row per scenario, printed as a table: the figures the reliability
// and security suites report.
export interface ScenarioRow {
  scenario: string
  iterations: number
  acked: number
  lost: number
  duplicated: number
  inputsTried: number
  crashes: number
  notes?: string
}

const COLUMNS: Array<[keyof ScenarioRow, string]> = [
  ['scenario', 'scenario'],
  ['iterations', 'iterations'],
  ['acked', 'acked writes'],
  ['lost', 'lost'],
  ['duplicated', 'duplicated'],
  ['inputsTried', 'inputs tried'],
  ['crashes', 'crashes'],
  ['notes', 'notes'],
]

export function formatTable(rows: ScenarioRow[]): string {
  const cells = rows.map((r) => COLUMNS.map(([k]) => String(r[k] ?? '')))
  const widths = COLUMNS.map(([, title], i) =>
    Math.max(title.length, ...cells.map((c) => c[i]!.length)))
  const line = (values: string[]) =>
    `| ${values.map((v, i) => v.padEnd(widths[i]!)).join(' | ')} |`
  return [
    line(COLUMNS.map(([, title]) => title)),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...cells.map(line),
  ].join('\n')
}

// Prints one scenario's row (used by the vitest suites, one per file).
export function report(
  scenario: string,
  figures: Partial<Omit<ScenarioRow, 'scenario'>>,
): void {
  const row: ScenarioRow = {
    scenario, iterations: 0, acked: 0, lost: 0, duplicated: 0,
    inputsTried: 0, crashes: 0, ...figures,
  }
  console.info(`\n${formatTable([row])}\n`)
}
