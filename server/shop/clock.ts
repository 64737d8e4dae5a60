// The present moment (or `ms`) as an ISO 8601 UTC string, exactly as
// new Date(ms).toISOString() writes it for any time a Date can hold.
// Formatting a date cost a few microseconds per order; the text up to the
// second is kept and only the milliseconds are written each time.
let second = Number.NaN
let upToSecond = ''

export function isoTime(ms: number = Date.now()): string {
  const t = Math.trunc(ms)
  const s = Math.floor(t / 1000)
  if (s !== second) {
    // a whole second ends in ".000Z", whatever the year's format
    upToSecond = new Date(s * 1000).toISOString().slice(0, -4)
    second = s
  }
  const milli = t - s * 1000
  return `${upToSecond}${milli < 10 ? '00' : milli < 100 ? '0' : ''}${milli}Z`
}
