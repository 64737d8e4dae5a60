import { readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { Socket } from 'socket.io-client'
import type { BuyerShopClient } from '../../main/core/shop-client.js'
import type { Processing } from '../../shared/protocol/index.js'
import { clientFolder, startClient, syncedTo } from '../lib/buyers.js'
import { JOURNEY, keyAfter, statusesAfter, stepKey } from '../lib/journey.js'
import { startShop, type Child } from '../lib/procs.js'
import { check, type Scenario } from '../lib/scenario.js'
import { closeSockets, connectMany, merchant, pool } from '../lib/sockets.js'
import { now, round, sleep, summarize, type Summary } from '../lib/stats.js'

// 2. Status push to persisted: 100 buyers online, each a real
// BuyerShopClient with its own trading folder; the merchant moves 100
// statuses a second, spread over the buyers. For each move: the time from
// the merchant's `order:advance` call until the buyer's trading file on
// disk holds it. "On disk" is the client's `trade` event, which fires
// only after TradingFile.update() has resolved, i.e. after the durable
// write (temp file written and fsynced, renamed, folder fsynced). At the
// end every trading file is read back from disk to confirm it holds the
// last status of every trade moved.
//
// Beside it, as the baseline, a second socket per buyer (a second device
// of the same buyer, raw socket.io) notes when the push arrives: advance →
// push is the shop and the transport, push → persisted is the client.

interface Step {
  t0: number
  ack?: number
  pushed?: number
  persisted?: number
}

export const push: Scenario = {
  name: 'push',
  title: '2. Status push to persisted (100 buyers, 100 moves/s)',
  async run(ctx) {
    const buyersN = 100
    const rate = 100
    const seconds = ctx.quick ? 3 : 20
    const warmup = ctx.quick ? 20 : 100
    let child: Child | null = null
    let dir: string | null = null
    const clients: BuyerShopClient[] = []
    const sockets: Socket[] = []
    try {
      ctx.progress(`push: ${buyersN} buyer clients, ${rate} moves/s for ${seconds} s`)
      const copy = await ctx.seeds.copy(10_000, 'push')
      dir = copy.dir
      child = await startShop({ dataDir: dir, nodeArgs: ctx.shopNodeArgs })
      const url = child.url
      const who = copy.seed.buyers.slice(0, buyersN)
      const folders = await ctx.temp.sub('push-clients')
      await pool(who, 20, async (b, i) => {
        const client = await startClient(url, b, clientFolder(folders, i))
        clients[i] = client
        await syncedTo(client, b.feedLength)
      })
      const steps = new Map<string, Step>()
      for (const client of clients) {
        client.on('trade', (_id, trade) => {
          if (trade.present == null) return
          const step = steps.get(stepKey(trade.present))
          if (step != null && step.persisted == null) step.persisted = now()
        })
      }
      sockets.push(...(await connectMany(url, '/buyer', who.map((b) => ({ token: b.token })))))
      for (const s of sockets) {
        s.on('trading:processing', (p: { processing: Processing }) => {
          const step = steps.get(stepKey(p.processing))
          if (step != null && step.pushed == null) step.pushed = now()
        })
      }
      const m = await merchant(url)
      sockets.push(m)

      // round robin over buyers, and over each buyer's trades
      const progress = who.map((b) => b.trades.map((t) => ({ ...t })))
      const cursor = who.map(() => 0)
      const nextMove = (k: number) => {
        const b = k % who.length
        const trades = progress[b]!
        for (let tries = 0; tries < trades.length; tries++) {
          const t = trades[cursor[b]!++ % trades.length]!
          if (t.done < JOURNEY.length) return t
        }
        return null
      }
      const total = rate * seconds
      const errors: string[] = []
      const start = now()
      for (let k = 0; k < total; k++) {
        const due = start + (k * 1000) / rate
        const wait = due - now()
        if (wait > 1) await sleep(wait)
        const t = nextMove(k)
        if (t == null) continue
        const move = JOURNEY[t.done]!
        const key = keyAfter(t.tradingId, statusesAfter(t.done), move)
        t.done++
        const step: Step = { t0: now() }
        if (k >= warmup) steps.set(key, step)
        m.emit('order:advance', { tradingId: t.tradingId, ...move }, (res: { ok?: boolean; error?: { code: string } }) => {
          step.ack = now()
          if (res?.ok !== true) errors.push(res?.error?.code ?? 'malformed')
        })
      }
      const sent = now() - start
      for (const t = now(); now() - t < 15_000; ) {
        if ([...steps.values()].every((s) => s.persisted != null)) break
        await sleep(20)
      }
      const list = [...steps.values()]
      const ack = summarize(list.filter((s) => s.ack != null).map((s) => s.ack! - s.t0))
      const pushed = summarize(list.filter((s) => s.pushed != null).map((s) => s.pushed! - s.t0))
      const persisted = summarize(list.filter((s) => s.persisted != null).map((s) => s.persisted! - s.t0))
      const clientPart = summarize(
        list.filter((s) => s.persisted != null && s.pushed != null).map((s) => s.persisted! - s.pushed!),
      )

      // read back from disk
      await Promise.all(clients.splice(0).map((c) => c.stop()))
      const expected = new Map<string, string>()
      for (const b of progress) for (const t of b) expected.set(t.tradingId, JSON.stringify(statusesAfter(t.done)))
      let onDisk = 0
      let checked = 0
      for (let i = 0; i < who.length; i++) {
        const folder = clientFolder(folders, i)
        const name = (await readdir(folder)).find((n) => n.startsWith('trading-') && n.endsWith('.json'))
        if (name == null) continue
        const data = JSON.parse(await readFile(join(folder, name), 'utf8')) as {
          trades: Record<string, { present: Processing | null }>
        }
        for (const t of progress[i]!) {
          checked++
          const p = data.trades[t.tradingId]?.present
          const s = p == null ? null : JSON.stringify({ order: p.order.status, delivery: p.delivery.status, payment: p.payment.status })
          if (s === expected.get(t.tradingId)) onDisk++
        }
      }
      await rm(folders, { recursive: true, force: true })

      const row = (label: string, s: Summary) => [label, s.count, s.p50, s.p90, s.p99, s.max]
      const missing = list.length - persisted.count
      return {
        tables: [{
          title: this.title,
          columns: ['from the merchant\'s order:advance to', 'moves', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms'],
          rows: [
            row('the merchant\'s ack (on the shop\'s disk)', ack),
            row('baseline: push at a raw buyer socket', pushed),
            row('the buyer\'s trading file on disk', persisted),
            row('  of which push → file (the client)', clientPart),
          ],
          notes: [
            `${Math.round((total * 1000) / sent)} moves/s sent for ${seconds} s; the first ${warmup} not counted.`,
            'On disk = the BuyerShopClient `trade` event, fired after the trading file\'s durable write resolves.',
            `Read back from disk at the end: ${onDisk} of ${checked} trades hold their last status` +
              (missing > 0 ? `; ${missing} moves never reached the file` : '') +
              (errors.length > 0 ? `; ${errors.length} moves refused (${[...new Set(errors)].join(', ')})` : '') + '.',
          ],
        }],
        targets: [
          check('push', 'push-p99', 'status push to persisted p99 (100 buyers, 100 moves/s)', '< 25 ms',
            `${persisted.p99.toFixed(1)} ms`, persisted.count > 0 && missing === 0 ? persisted.p99 < 25 : false),
        ],
        data: {
          buyers: buyersN,
          movesPerSecond: rate,
          seconds,
          measuredMoves: list.length,
          refused: errors.length,
          neverPersisted: missing,
          verifiedOnDisk: { trades: checked, holdingLastStatus: onDisk },
          ms: {
            ack: json(ack),
            pushArrived: json(pushed),
            persisted: json(persisted),
            pushToPersisted: json(clientPart),
          },
        },
      }
    } finally {
      await Promise.all(clients.map((c) => c.stop().catch(() => undefined)))
      closeSockets(sockets)
      await child?.stop()
      if (dir != null) await rm(dir, { recursive: true, force: true })
    }
  },
}

export function json(s: Summary) {
  return {
    count: s.count,
    p50: round(s.p50, 3),
    p90: round(s.p90, 3),
    p99: round(s.p99, 3),
    max: round(s.max, 3),
    mean: round(s.mean, 3),
  }
}
