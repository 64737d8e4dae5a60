import { rm, stat } from 'node:fs/promises'
import { applyUpdates } from '../../main/core/feed-apply.js'
import type { TradeUpdate } from '../../main/core/reconcile.js'
import { TradingFile } from '../../main/core/trading-file.js'
import type { OrderRecord, TradeRecord } from '../../main/core/trading-file-schema.js'
import { STARTER_CATALOG } from '../../server/shop/catalog.js'
import { contentsDigest, type Processing, type Trading } from '../../shared/protocol/index.js'
import { fastUlid } from '../lib/ids.js'
import { JOURNEY, applyMove } from '../lib/journey.js'
import { orderPayload } from '../lib/orders.js'
import type { Scenario } from '../lib/scenario.js'
import { median, now, round } from '../lib/stats.js'

// 5. The buyer's trading file (main/core/trading-file.ts) holding 1,000
// and 10,000 trades, each with its order and a timeline of 1–3 updates:
// the time to open it (read, check against the schema, write back), the
// rate at which processing updates are applied and made durable — one
// write per update, as pushes arrive, and 500 per write, as a sync page
// arrives — and its size on disk. Baseline: a file of 100 trades.

const SERVER = 'http://127.0.0.1:4820'

export const tradingFile: Scenario = {
  name: 'trading-file',
  title: '5. The buyer\'s trading file',
  async run(ctx) {
    const sizes = ctx.quick ? [100, 1_000] : [100, 1_000, 10_000]
    const budgetMs = ctx.quick ? 500 : 2_000
    const rows = []
    for (const n of sizes) {
      ctx.progress(`trading-file: ${n.toLocaleString('en-US')} trades`)
      const folder = await ctx.temp.sub(`tf-${n}`)
      const buyerId = `B-${fastUlid()}`
      try {
        const ids = await build(folder, buyerId, n)
        const opens: number[] = []
        for (let i = 0; i < (ctx.quick ? 1 : 3); i++) {
          const t = now()
          const f = await TradingFile.open({ folder, server: SERVER, buyerId })
          opens.push(now() - t)
          await f.close()
        }
        const file = await TradingFile.open({ folder, server: SERVER, buyerId })
        const size = (await stat(file.path)).size
        const updates = new UpdateMaker(file, ids)
        // one durable write per update
        let single = 0
        const t1 = now()
        while (updates.left() > 500 && (now() - t1 < budgetMs || single < 10)) {
          await applyUpdates(file, [updates.next()!])
          single++
        }
        const singleRate = (single * 1000) / (now() - t1)
        // a sync page: 500 per durable write
        let paged = 0
        const t2 = now()
        while (updates.left() >= 500 && (now() - t2 < budgetMs || paged < 2_000)) {
          const page = Array.from({ length: 500 }, () => updates.next()!)
          await applyUpdates(file, page, page.at(-1)!.seq!)
          paged += 500
        }
        const pagedRate = paged === 0 ? NaN : (paged * 1000) / (now() - t2)
        const after = (await stat(file.path)).size
        await file.close()
        rows.push({ trades: n, openMs: median(opens), bytes: size, singleRate, singleN: single, pagedRate, pagedN: paged, bytesAfter: after })
      } finally {
        await rm(folder, { recursive: true, force: true })
      }
    }
    return {
      tables: [{
        title: this.title,
        columns: ['trades', 'size MiB', 'open ms', 'updates/s, 1 per write', 'updates/s, 500 per write'],
        rows: rows.map((r) => [r.trades === sizes[0] ? `${r.trades} (baseline)` : r.trades, r.bytes / 2 ** 20, r.openMs, r.singleRate, r.pagedRate]),
        notes: [
          'Each trade: its trading information, its placed order and 1–3 timeline entries. Open = TradingFile.open (read, schema check, write back).',
          'Updates go through applyUpdates (reconcile, then one durable write: temp file, fsync, rename, folder fsync), as pushes and sync pages do.',
        ],
      }],
      targets: [],
      data: {
        rows: rows.map((r) => ({
          trades: r.trades,
          bytes: r.bytes,
          openMs: round(r.openMs, 1),
          updatesPerSecondOnePerWrite: round(r.singleRate, 1),
          updatesOnePerWrite: r.singleN,
          updatesPerSecond500PerWrite: round(r.pagedRate, 1),
          updates500PerWrite: r.pagedN,
          bytesAfterUpdates: r.bytesAfter,
        })),
      },
    }
  },
}

interface Held {
  trading: Trading
  present: Processing
  done: number
}

// Writes a trading file with `n` trades through TradingFile itself.
async function build(folder: string, buyerId: string, n: number): Promise<Held[]> {
  const file = await TradingFile.open({ folder, server: SERVER, buyerId })
  const held: Held[] = []
  const base = Date.now() - 200 * 24 * 3600 * 1000
  await file.update((data) => {
    let seq = 0
    for (let i = 0; i < n; i++) {
      const at = base + i * 60_000
      const order = orderPayload(7, i, 'tf')
      const items = order.items.map((it) => {
        const p = STARTER_CATALOG.find((x) => x.sku === it.sku)!
        return { sku: it.sku, name: p.name, quantity: it.quantity, unitPriceMinor: p.priceMinor }
      })
      const trading: Trading = {
        tradingId: `T-${fastUlid(at)}`,
        buyerId,
        placedAt: new Date(at).toISOString(),
        items,
        totalMinor: items.reduce((s, x) => s + x.quantity * x.unitPriceMinor, 0),
        currency: 'EUR',
        shipTo: order.shipTo,
        payment: order.payment,
      }
      seq++
      let present: Processing = {
        tradingId: trading.tradingId,
        order: { status: 'accepted' },
        delivery: { status: 'pending' },
        payment: { status: 'pending' },
        updatedAt: trading.placedAt,
        contentsDigest: contentsDigest(trading),
      }
      const timeline: TradeRecord['timeline'] = [{ seq: ++seq, receivedAt: trading.placedAt, processing: present }]
      const done = i % 3
      for (let k = 0; k < done; k++) {
        present = applyMove(present, JOURNEY[k]!, new Date(at + (k + 1) * 3_600_000).toISOString())
        timeline.push({ seq: ++seq, receivedAt: present.updatedAt, processing: present })
      }
      data.trades[trading.tradingId] = { trading, present, timeline }
      const record: OrderRecord = {
        requestId: order.requestId,
        state: 'placed',
        request: order,
        createdAt: trading.placedAt,
        updatedAt: trading.placedAt,
        tradingId: trading.tradingId,
      }
      data.orders.push(record)
      held.push({ trading, present, done })
    }
    data.lastSeq = seq
  })
  await file.close()
  return held
}

// Legal next updates for the held trades, round robin, with the feed's
// next seq numbers.
class UpdateMaker {
  #seq: number
  #i = 0
  #left: number

  constructor(
    file: TradingFile,
    private readonly held: Held[],
  ) {
    this.#seq = file.lastSeq
    this.#left = held.reduce((s, h) => s + JOURNEY.length - h.done, 0)
  }

  left(): number {
    return this.#left
  }

  next(): TradeUpdate | null {
    if (this.#left === 0) return null
    for (;;) {
      const h = this.held[this.#i++ % this.held.length]!
      if (h.done >= JOURNEY.length) continue
      h.present = applyMove(h.present, JOURNEY[h.done++]!, new Date().toISOString())
      this.#left--
      return { type: 'trading:processing', seq: ++this.#seq, processing: h.present }
    }
  }
}
