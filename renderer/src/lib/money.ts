import { fractionDigits } from './format.js'

export type ParsedPrice = { ok: true; minor: number } | { ok: false; message: string }

// Reads a price typed in major units ("12.90", "12,9", "1290") and returns
// it in minor units without floating-point rounding.
export function parseMajor(text: string, currency: string): ParsedPrice {
  const trimmed = text.trim().replace(',', '.')
  if (trimmed === '') return { ok: false, message: 'Enter a price.' }
  const match = /^(\d+)(?:\.(\d*))?$/.exec(trimmed)
  if (match == null) return { ok: false, message: 'Enter a price such as 12.90.' }
  const digits = fractionDigits(currency)
  const whole = match[1] ?? '0'
  const fraction = match[2] ?? ''
  if (fraction.length > digits) {
    return {
      ok: false,
      message: digits === 0
        ? `${currency} prices have no decimals.`
        : `Use at most ${digits} decimals.`,
    }
  }
  const minor = Number(whole + fraction.padEnd(digits, '0'))
  if (!Number.isSafeInteger(minor)) return { ok: false, message: 'That price is too large.' }
  return { ok: true, minor }
}

// The reverse: minor units as a plain major-unit string for an input.
export function toMajorText(minor: number, currency: string): string {
  const digits = fractionDigits(currency)
  if (digits === 0) return String(minor)
  const text = String(minor).padStart(digits + 1, '0')
  return `${text.slice(0, -digits)}.${text.slice(-digits)}`
}
