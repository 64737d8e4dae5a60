import { rm } from 'node:fs/promises'
import type { Socket } from 'socket.io-client'
import { closedLoop } from '../lib/load.js'
import { rssMiB, startShop, type Child } from '../lib/procs.js'
import { check, type Scenario } from '../lib/scenario.js'
import { closeSockets, connectMany, hugeStock } from '../lib/sockets.js'
import { resultJson } from './intake.js'

// 1b. Sustained intake: 100 buyers ordering flat out for 60 s (5 s in
// --quick) against a shop that stores 10,000 trades; the slowest
// acknowledgement of the whole run, and when the slow ones came.
export const sustained: Scenario = {
  name: 'sustained',
  title: '1b. Sustained intake, 10,000 stored trades, 100 buyers',
  async run(ctx) {
    const seconds = ctx.quick ? 5 : 60
    const buyers = 100
    let child: Child | null = null
    let dir: string | null = null
    const sockets: Socket[] = []
    try {
      ctx.progress(`sustained: ${seconds} s, 10,000 trades, ${buyers} buyers`)
      const copy = await ctx.seeds.copy(10_000, 'sustained')
      dir = copy.dir
      child = await startShop({ dataDir: dir, nodeArgs: ctx.shopNodeArgs, unlimitedOrders: true })
      await hugeStock(child.url)
      const who = copy.seed.buyers.slice(0, buyers)
      sockets.push(...(await connectMany(child.url, '/buyer', who.map((b) => ({ token: b.token })))))
      const r = await closedLoop(sockets, {
        warmupMs: 0,
        measureMs: seconds * 1000,
        serverPid: child.pid,
        buyerIndex: (i) => who[i]!.index,
      })
      const rss = await rssMiB(child.pid)
      // orders/s and the slowest acknowledgement in each tenth of the run
      const per = Math.max(1, Math.round(seconds / 10))
      const rows = []
      for (let s = 0; s * per < seconds; s++) {
        const width = Math.min(per, seconds - s * per)
        const part = r.maxPerSecond.slice(s * per, s * per + width)
        const acks = r.acksPerSecond.slice(s * per, s * per + width).reduce((a, b) => a + b, 0)
        rows.push([`${s * per}–${s * per + width} s`, acks / width, Math.max(0, ...part)])
      }
      return {
        tables: [
          {
            title: this.title,
            columns: ['orders/s', 'p50 ms', 'p99 ms', 'p99.9 ms', 'max ms', 'acks > 50 ms', 'acks > 250 ms', 'server CPU', 'other CPU', 'server RSS MiB'],
            rows: [[
              r.rate, r.latency.p50, r.latency.p99, r.latency.p999, r.latency.max,
              r.over.ms50, r.over.ms250,
              r.serverCpu == null ? null : `${Math.round(r.serverCpu * 100)}%`,
              r.otherCpu == null ? null : `${Math.round(r.otherCpu * 100)}%`, rss.rss,
            ]],
            notes: [`${seconds} s from the first order, no warm-up; ${r.orders.toLocaleString('en-US')} orders.`],
          },
          { title: 'Over the run', columns: ['window', 'orders/s', 'max ack ms'], rows },
        ],
        targets: [
          check('sustained', 'sustained-max', `max ack in the ${seconds}-second run (10,000 stored, 100 buyers)`,
            'no ack > 250 ms', `${r.latency.max.toFixed(0)} ms max, ${r.over.ms250} over 250 ms`, r.over.ms250 === 0),
        ],
        data: { runSeconds: seconds, buyers, storedTrades: 10_000, serverRssMiB: rss.rss, ...resultJson(r) },
      }
    } finally {
      closeSockets(sockets)
      await child?.stop()
      if (dir != null) await rm(dir, { recursive: true, force: true })
    }
  },
}
