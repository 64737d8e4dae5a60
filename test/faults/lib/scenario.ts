import type { ScenarioRow } from '../../support/report.js'

// What a scenario hands back: its row of the table, and what went wrong
// (empty when it passed).
export interface ScenarioResult {
  row: ScenarioRow
  failures: string[]
}
