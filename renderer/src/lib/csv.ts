import Papa from 'papaparse'
import type { MerchantTrade } from '../../../shared/protocol/events.js'
import { toMajorText } from './money.js'

// The board's trades as CSV, one row a trade, in the columns an
// accountant's spreadsheet expects. Amounts stay exact: minor units, and
// the same as a plain decimal (never a locale's "1.234,50").

export const CSV_COLUMNS = [
  'tradingId',
  'placedAt',
  'buyerId',
  'shipToName',
  'totalMinor',
  'total',
  'currency',
  'order',
  'delivery',
  'payment',
  'carrier',
  'trackingNo',
] as const

type CsvRow = Record<(typeof CSV_COLUMNS)[number], string | number>

function rowOf({ trading, processing }: MerchantTrade): CsvRow {
  return {
    tradingId: trading.tradingId,
    placedAt: trading.placedAt,
    buyerId: trading.buyerId,
    shipToName: trading.shipTo.name,
    totalMinor: trading.totalMinor,
    total: toMajorText(trading.totalMinor, trading.currency),
    currency: trading.currency,
    order: processing.order.status,
    delivery: processing.delivery.status,
    payment: processing.payment.status,
    carrier: processing.delivery.carrier ?? '',
    trackingNo: processing.delivery.trackingNo ?? '',
  }
}

export function tradesCsv(trades: readonly MerchantTrade[]): string {
  return Papa.unparse(
    { fields: [...CSV_COLUMNS], data: trades.map((t) => CSV_COLUMNS.map((c) => rowOf(t)[c])) },
    // Cells starting with = + - @ are quoted with a leading ' so a
    // spreadsheet shows a buyer's name instead of running it as a formula.
    { escapeFormulae: true, newline: '\r\n' },
  )
}

// "2026-06-03" in the computer's own time zone.
export function localDay(date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

export function csvFileName(date = new Date()): string {
  return `tradepost-trades-${localDay(date)}.csv`
}
