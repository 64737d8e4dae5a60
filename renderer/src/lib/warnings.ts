import type { BuyerWarning } from '../../../shared/contract/types.js'

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value != null ? (value as Record<string, unknown>)[key] : undefined
}

// The trading ID a warning is about: from the stray update itself, else
// from the message. (Warnings carry no tradingId field of their own.)
export function warningTradingId(warning: BuyerWarning): string | null {
  const u = warning.update
  const found = [field(field(u, 'processing'), 'tradingId'), field(field(u, 'trading'), 'tradingId'), field(u, 'tradingId')]
    .find((v): v is string => typeof v === 'string' && v !== '')
  if (found != null) return found
  return /T-[0-9A-HJKMNP-TV-Z]{26}/.exec(warning.message)?.[0] ?? null
}

export function prettyJson(value: unknown): string {
  try {
    return JSON.stringify(value, null, 2) ?? String(value)
  } catch {
    return String(value)
  }
}
