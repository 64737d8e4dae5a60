import type { Processing } from '../../../shared/protocol/schemas.js'
import { RULE_TEXT, RULES, type RuleName } from '../../../shared/protocol/settings.js'

// Who made a status change, when the shop says so: processing information
// may carry `cause` ('rule:capture_on_ship', 'sim:carrier', …). The
// protocol's schema does not list the field yet, so it is read warily.

const SIMULATED: Record<string, string> = {
  carrier: 'the simulated carrier',
  gateway: 'the simulated payment gateway',
  buyer: 'a simulated buyer',
}

export function causeOf(processing: Processing): string | null {
  const value: unknown = (processing as Processing & { cause?: unknown }).cause
  return typeof value === 'string' && value !== '' ? value : null
}

function isRule(name: string): name is RuleName {
  return (RULES as readonly string[]).includes(name)
}

// "by rule: Capture an authorized payment when the parcel ships",
// "by the simulated carrier", …
export function causeText(cause: string): string {
  const [kind, ...rest] = cause.split(':')
  const name = rest.join(':')
  if (kind === 'rule') return `by rule: ${isRule(name) ? RULE_TEXT[name] : name.replaceAll('_', ' ')}`
  if (kind === 'sim') return `by ${SIMULATED[name] ?? `the simulation (${name.replaceAll('_', ' ')})`}`
  if (kind === 'training') return 'by the training scenario'
  return `by ${cause.replaceAll('_', ' ')}`
}
