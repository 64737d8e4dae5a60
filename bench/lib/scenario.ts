import type { Seeds } from './seed.js'
import type { TableSpec } from './table.js'
import type { TempRoot } from './temp.js'

export interface Context {
  quick: boolean
  temp: TempRoot
  seeds: Seeds
  // node flags for every shop child (e.g. --cpu-prof), from --profile
  shopNodeArgs: string[]
  progress(message: string): void
}

// A figure held against its target. `pass` is null when the figure could
// not be measured.
export interface TargetCheck {
  id: string
  scenario: string
  description: string
  target: string
  value: string
  pass: boolean | null
}

export interface ScenarioResult {
  tables: TableSpec[]
  targets: TargetCheck[]
  // every figure, for the JSON file
  data: unknown
  status?: 'done' | 'pending' | 'failed'
  message?: string
}

export interface Scenario {
  name: string
  title: string
  run(ctx: Context): Promise<ScenarioResult>
}

export function check(
  scenario: string,
  id: string,
  description: string,
  target: string,
  value: string,
  pass: boolean | null,
): TargetCheck {
  return { id, scenario, description, target, value, pass }
}
