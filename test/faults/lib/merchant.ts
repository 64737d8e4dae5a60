import { io, type Socket } from 'socket.io-client'
import {
  TRANSITIONS,
  TRACKS,
  checkMove,
  type MerchantTrade,
  type Processing,
  type Track,
  type TrackStatus,
} from '../../../shared/protocol/index.js'
import { pause, randomBetween } from '../../support/wait.js'

export interface AckedMove {
  tradingId: string
  processing: Processing
}

// Settling and giving-up moves are rarer, so most trades travel far.
const RARE = new Set(['cancelled', 'failed', 'voided', 'returned', 'refunded'])

// A merchant moving trades along at random, through a socket that comes
// back by itself after the shop restarts. It logs every move the shop
// acknowledged.
export class MerchantDriver {
  readonly acked: AckedMove[] = []
  readonly socket: Socket
  // Called in the same turn as an acknowledgement arrives.
  onAck: (() => void) | null = null
  #present = new Map<string, Processing>()
  #failed = 0

  constructor(url: string, key: string) {
    this.socket = io(`${url}/merchant`, {
      auth: { merchantKey: key },
      transports: ['websocket'],
      forceNew: true,
      reconnectionDelay: 50,
      reconnectionDelayMax: 200,
    })
    this.socket.on('order:changed', (c: { processing: Processing }) =>
      this.#present.set(c.processing.tradingId, c.processing))
  }

  get failedRequests(): number {
    return this.#failed
  }

  async refresh(): Promise<MerchantTrade[]> {
    const res = await this.socket.timeout(10_000).emitWithAck('orders:list', {})
    const trades = (res as { trades: MerchantTrade[] }).trades
    for (const t of trades) this.#present.set(t.trading.tradingId, t.processing)
    return trades
  }

  // Moves on until `stop.now`, one move at a time.
  async run(stop: { now: boolean }, paceMs: [number, number]): Promise<void> {
    while (!stop.now) {
      if (this.socket.connected) await this.step()
      await pause(randomBetween(...paceMs))
    }
  }

  async step(): Promise<void> {
    const pick = this.#pickMove()
    if (pick == null) return
    const shipping = pick.to === 'shipped'
      ? { carrier: 'Faultline', trackingNo: `FL-${pick.tradingId.slice(-6)}` }
      : {}
    try {
      const res = await this.socket.timeout(3_000).emitWithAck('order:advance',
        { tradingId: pick.tradingId, track: pick.track, to: pick.to, ...shipping })
      if (res.ok === true) {
        this.acked.push({ tradingId: pick.tradingId, processing: res.processing })
        this.onAck?.()
        this.#present.set(pick.tradingId, res.processing)
      } else {
        this.#failed += 1
        // Our view of it was behind (a lost answer): forget it until the
        // shop tells us again.
        if (res.error?.code === 'illegal_transition') this.#present.delete(pick.tradingId)
      }
    } catch {
      this.#failed += 1
    }
  }

  close(): void {
    this.socket.close()
  }

  #pickMove(): { tradingId: string; track: Track; to: string } | null {
    const ids = [...this.#present.keys()]
    for (let tries = 0; tries < 10 && ids.length > 0; tries++) {
      const id = ids[Math.floor(Math.random() * ids.length)]!
      const present = this.#present.get(id)
      if (present == null) continue
      const moves = legalMoves(statusesOf(present))
      if (moves.length === 0) {
        this.#present.delete(id)
        continue
      }
      const weighted = moves.flatMap((m) => (RARE.has(m.to) ? [m] : [m, m, m, m, m, m]))
      const move = weighted[Math.floor(Math.random() * weighted.length)]!
      return { tradingId: id, ...move }
    }
    return null
  }
}

function legalMoves(s: TrackStatus): { track: Track; to: string }[] {
  const out: { track: Track; to: string }[] = []
  for (const track of TRACKS) {
    const table = TRANSITIONS[track] as Record<string, readonly string[]>
    for (const to of table[s[track]] ?? []) {
      if (checkMove(s, track, to as never).ok) out.push({ track, to })
    }
  }
  return out
}

function statusesOf(p: Processing): TrackStatus {
  return { order: p.order.status, delivery: p.delivery.status, payment: p.payment.status }
}
