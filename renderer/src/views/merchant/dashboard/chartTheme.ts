import type { Tone } from '../../../lib/labels.js'
import { fractionDigits } from '../../../lib/format.js'

// Colours and number formats of the dashboard's charts. SVG attributes
// cannot read the CSS custom properties, so the tokens' values are
// repeated here (see styles/tokens.css).

export const CHART = {
  primary: '#2d5bd7',
  accent: '#17754a',
  grid: '#e0e4ea',
  axis: '#6b7686',
  text: '#4a5565',
} as const

export const TONE_FILL: Record<Tone, string> = {
  neutral: '#8a94a6',
  info: '#1c6c98',
  primary: '#2d5bd7',
  success: '#17754a',
  warning: '#c07a08',
  danger: '#bb2c2c',
}

export const AXIS_TICK = { fill: CHART.axis, fontSize: 12 }

const dayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' })

// A calendar day "2026-06-03" (of the shop's time zone) as "3 Jun"; the
// date is only a carrier for the day's name, hence UTC on both sides.
export function dayLabel(day: string): string {
  const date = new Date(`${day}T00:00:00Z`)
  return Number.isNaN(date.getTime()) ? day : dayFormat.format(date)
}

// Short amounts for an axis: "€1.2K".
export function compactMoney(minor: number, currency: string): string {
  const major = minor / 10 ** fractionDigits(currency)
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency, notation: 'compact' }).format(major)
  } catch {
    return new Intl.NumberFormat(undefined, { notation: 'compact' }).format(major)
  }
}
