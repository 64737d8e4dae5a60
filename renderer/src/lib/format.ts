// Locale-aware formatting of money, dates and times.

const moneyFormats = new Map<string, Intl.NumberFormat>()
const moneyDigits = new Map<string, number>()

function moneyFormat(currency: string): Intl.NumberFormat {
  let format = moneyFormats.get(currency)
  if (format == null) {
    try {
      format = new Intl.NumberFormat(undefined, { style: 'currency', currency })
    } catch {
      format = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2 })
    }
    moneyFormats.set(currency, format)
  }
  return format
}

// How many minor units make one major unit of `currency` (EUR 2, JPY 0).
// (resolvedOptions() builds a new object each time: asked once per currency)
export function fractionDigits(currency: string): number {
  let digits = moneyDigits.get(currency)
  if (digits == null) {
    digits = moneyFormat(currency).resolvedOptions().maximumFractionDigits ?? 2
    moneyDigits.set(currency, digits)
  }
  return digits
}

export function formatMoney(minor: number, currency: string): string {
  return moneyFormat(currency).format(minor / 10 ** fractionDigits(currency))
}

const dateTime = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'short',
})
const dateTimeSeconds = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'medium',
})
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' })

function parse(iso: string): Date | null {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? null : date
}

// Formatted dates and times, by timestamp: a scrolling board formats the
// same few thousand over and over. Bounded, and emptied when full.
const formatted = new Map<string, string>()
const FORMATTED_MAX = 50_000

export function formatDateTime(iso: string, seconds = false): string {
  const key = seconds ? `s${iso}` : iso
  let text = formatted.get(key)
  if (text == null) {
    const date = parse(iso)
    if (date == null) return iso
    text = (seconds ? dateTimeSeconds : dateTime).format(date)
    if (formatted.size >= FORMATTED_MAX) formatted.clear()
    formatted.set(key, text)
  }
  return text
}

export function formatDate(iso: string): string {
  const date = parse(iso)
  return date == null ? iso : dateOnly.format(date)
}

// "T-01JD…9KQ2XR7M": recognisable, and the tail is the random part.
export function shortId(id: string): string {
  if (id.length <= 14) return id
  return `${id.slice(0, 2)}…${id.slice(-8)}`
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString()} ${count === 1 ? one : many}`
}
