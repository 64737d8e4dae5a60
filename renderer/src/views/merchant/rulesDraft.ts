import { RULES, type RuleName, type ShopSettings } from '../../../../shared/protocol/settings.js'
import { TRACKS, type Track } from '../../../../shared/protocol/statuses.js'

// The "Rules and thresholds" form's values and their validation. Waiting
// thresholds are typed in hours (the contract keeps minutes).

export interface RulesDraft {
  rules: Record<RuleName, boolean>
  hours: Record<Track, string>
  lowStock: string
}

export type RulesErrors = Partial<Record<Track | 'lowStock', string>>

const MAX_MINUTES = 60 * 24 * 365
const MAX_STOCK = 1_000_000

function hoursText(minutes: number): string {
  const hours = minutes / 60
  return Number.isInteger(hours) ? String(hours) : hours.toFixed(2).replace(/0+$/, '')
}

export function rulesDraftOf(s: ShopSettings): RulesDraft {
  const rules = {} as Record<RuleName, boolean>
  for (const rule of RULES) rules[rule] = s.rules[rule]
  return {
    rules,
    hours: { order: hoursText(s.attention.order), delivery: hoursText(s.attention.delivery), payment: hoursText(s.attention.payment) },
    lowStock: String(s.lowStock.threshold),
  }
}

// Hours such as "24", "1.5" or "0,25" as whole minutes, or why not.
export function parseHours(text: string): { minutes: number } | { error: string } {
  const trimmed = text.trim().replace(',', '.')
  if (trimmed === '') return { error: 'Enter a number of hours.' }
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return { error: 'Enter hours as a number, such as 24 or 1.5.' }
  const minutes = Math.round(Number(trimmed) * 60)
  if (minutes < 1) return { error: 'At least one minute (0.02 hours).' }
  if (minutes > MAX_MINUTES) return { error: 'At most a year (8760 hours).' }
  return { minutes }
}

export function parseStockCount(text: string): { count: number } | { error: string } {
  const trimmed = text.trim()
  if (!/^\d+$/.test(trimmed)) return { error: 'Enter a whole number, 0 or more.' }
  const count = Number(trimmed)
  if (count > MAX_STOCK) return { error: `At most ${MAX_STOCK.toLocaleString()}.` }
  return { count }
}

export function validateRules(d: RulesDraft, base: ShopSettings): { settings: ShopSettings | null; errors: RulesErrors } {
  const errors: RulesErrors = {}
  const attention = { ...base.attention }
  for (const track of TRACKS) {
    const parsed = parseHours(d.hours[track])
    if ('error' in parsed) errors[track] = parsed.error
    else attention[track] = parsed.minutes
  }
  const stock = parseStockCount(d.lowStock)
  if ('error' in stock) errors.lowStock = stock.error
  if (Object.keys(errors).length > 0 || 'error' in stock) return { settings: null, errors }
  return {
    settings: { rules: { ...d.rules }, attention, lowStock: { ...base.lowStock, threshold: stock.count } },
    errors,
  }
}
