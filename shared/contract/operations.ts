import { z } from 'zod'
import { TradingId } from '../protocol/schemas.js'
import { ShopSettings } from '../protocol/settings.js'

// Payloads and replies of the day-to-day and training part of the console
// contract (dashboard, settings, exports, demo shop, training scenarios).

export const DemoStart = z.strictObject({
  // Simulated orders per minute.
  rate: z.number().min(0).max(600),
  seed: z.int().min(0).max(2 ** 31).optional(),
})

export const TrainingStart = z.strictObject({
  scenarioId: z.string().min(1).max(60),
})

export const ReceiptRequest = z.strictObject({ tradingId: TradingId })

export const OperationRequests = {
  'merchant:settings': z.strictObject({}),
  'merchant:saveSettings': ShopSettings,
  'merchant:dashboard': z.strictObject({ days: z.int().min(1).max(366).optional() }),
  'merchant:receipt': ReceiptRequest,
  'buyer:exportFile': z.strictObject({}),
  'demo:status': z.strictObject({}),
  'demo:start': DemoStart,
  'demo:stop': z.strictObject({}),
  'demo:reset': z.strictObject({}),
  'training:list': z.strictObject({}),
  'training:start': TrainingStart,
  'training:status': z.strictObject({}),
  'training:stop': z.strictObject({}),
} as const

export interface DayFigure {
  day: string
  orders: number
  revenueMinor: number
}

export interface Dashboard {
  currency: string
  perDay: DayFigure[]
  byStatus: {
    order: Record<string, number>
    delivery: Record<string, number>
    payment: Record<string, number>
  }
  states: { open: number; complete: number; closed: number }
  topProducts: Array<{ sku: string; name: string; quantity: number; revenueMinor: number }>
  lowStock: Array<{ sku: string; name: string; stock: number; threshold: number }>
  needsAttention: number
  // the time zone whose calendar days perDay counts (the shop computer's)
  timeZone: string
}

export interface DemoStatus {
  // Whether the embedded shop is the demo shop right now.
  active: boolean
  running: boolean
  rate: number
  seed: number
  ordersPlaced: number
  startedAt: string | null
}

export interface ScenarioInfo {
  id: string
  title: string
  description: string
  goal: string
}

export interface TrainingRun {
  scenarioId: string
  title: string
  goal: string
  startedAt: string
  goalReached: boolean
  reachedAt: string | null
  // Trades the scenario made, for the trainee to find on the board.
  tradingIds: string[]
  log: Array<{ at: string; text: string }>
}

export interface OperationReplies {
  'merchant:settings': ShopSettings
  'merchant:saveSettings': ShopSettings
  'merchant:dashboard': Dashboard
  // saved: where Electron wrote the PDF; printInPage: the page should
  // print the receipt itself (the browser host).
  'merchant:receipt': { saved: string | null; printInPage: boolean }
  'buyer:exportFile': { fileName: string; json: string }
  'demo:status': DemoStatus
  'demo:start': DemoStatus
  'demo:stop': DemoStatus
  'demo:reset': DemoStatus
  'training:list': ScenarioInfo[]
  'training:start': TrainingRun
  'training:status': TrainingRun | null
  'training:stop': { ok: true }
}

export interface OperationEvents {
  'merchant:settings': ShopSettings
  'demo:status': DemoStatus
  'training:progress': TrainingRun
  // How many open trades wait longer than their track's threshold.
  'merchant:attention': { count: number }
}
