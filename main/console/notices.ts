import type { BuyerWarning } from '../../shared/contract/index.js'
import type { TradeRecord } from '../core/index.js'
import type { DialogSpec } from './platform.js'

const REASONS: Record<string, string> = {
  unknown_trading_id: 'none of your trades has this trading ID',
  digest_mismatch: "the update's contents do not match the trade you hold",
  impossible_transition:
    'the statuses it reports cannot follow from where your trade stands',
  conflicting_trading_info:
    'it describes a trade you hold with different contents',
}

export function reasonInWords(reason: string): string {
  return REASONS[reason] ?? reason
}

export function tradingIdOf(update: unknown): string {
  const u = update as { processing?: { tradingId?: unknown }; tradingId?: unknown }
  const id = u?.processing?.tradingId ?? u?.tradingId
  return typeof id === 'string' ? id : 'an unknown trade'
}

// The native warning for an update the core kept out of the trades.
export function mismatchDialog(warning: BuyerWarning): DialogSpec {
  const id = tradingIdOf(warning.update)
  return {
    kind: 'warning',
    title: 'Update does not match your trades',
    message: `The shop sent an update for trading ID ${id}, but ${reasonInWords(warning.reason)}.`,
    detail:
      'The update was not added to any trade. It is kept in Warnings, ' +
      'where you can look at it.',
    buttons: ['Show warnings', 'Dismiss'],
  }
}

const WORDS: Record<string, string> = {
  in_preparation: 'in preparation',
  in_transit: 'in transit',
}

const word = (s: string) => WORDS[s] ?? s

// A one-line description of what changed in a trade, for a notification.
export function describeChange(before: TradeRecord | undefined, after: TradeRecord): string | null {
  const now = after.present
  if (now == null) return null
  const was = before?.present
  if (was == null) return `Order placed: ${word(now.order.status)}`
  const parts: string[] = []
  if (was.order.status !== now.order.status) parts.push(`order ${word(now.order.status)}`)
  if (was.delivery.status !== now.delivery.status) {
    parts.push(`delivery ${word(now.delivery.status)}`)
  }
  if (was.payment.status !== now.payment.status) {
    parts.push(`payment ${word(now.payment.status)}`)
  }
  return parts.length === 0 ? null : parts.join(', ')
}

type Note = { title: string; body: string }

// Gathers the notifications of one moment: a catch-up that brings fifty
// updates shows one summary, not fifty notifications.
export class NoteBatcher {
  #notes: Note[] = []
  #timer: NodeJS.Timeout | null = null

  constructor(
    private readonly show: (note: Note) => void,
    private readonly windowMs = 300,
  ) {}

  add(note: Note): void {
    this.#notes.push(note)
    this.#timer ??= setTimeout(() => this.flush(), this.windowMs)
  }

  flush(): void {
    if (this.#timer != null) clearTimeout(this.#timer)
    this.#timer = null
    const notes = this.#notes.splice(0)
    if (notes.length <= 2) return notes.forEach((n) => this.show(n))
    this.show({
      title: `${notes.length} updates to your trades`,
      body: 'Open My trades to see what changed.',
    })
  }
}
