import { rm } from 'node:fs/promises'
import type { Socket } from 'socket.io-client'
import { rssMiB, shopsStarted, startBare, startShop, type Child } from '../lib/procs.js'
import { check, type Scenario, type TargetCheck } from '../lib/scenario.js'
import { SEED_BUYERS } from '../lib/seed.js'
import { closeSockets, connectMany } from '../lib/sockets.js'
import { median, round, sleep } from '../lib/stats.js'
import type { Cell } from '../lib/table.js'

// 4. Server start: `node out/main/shop-server.js --port 0 --data DIR
// --log silent` in a child process, timed from spawn() to the "shop at
// http://…" line on stderr (printed once the port listens; /health is
// then asked to confirm). RSS (VmRSS from /proc/<pid>/status) once
// started, and with 1,000 buyer sockets connected (the seed's 1,000
// buyers, one websocket each). Baselines: the same start on an empty
// shop, and a bare Socket.IO server holding 1,000 sockets.

interface StartRow {
  server: string
  stored: number | null
  startsMs: number[]
  rss: number
  rss1000: number | null
  hwm1000: number | null
}

export const start: Scenario = {
  name: 'start',
  title: '4. Server start and memory',
  async run(ctx) {
    const sizes = ctx.quick ? [0, 10_000] : [0, 10_000, 100_000]
    const repeats = ctx.quick ? 1 : 3
    const rows: StartRow[] = []

    // one start first, so that every timed start finds the code in the
    // file cache
    if (shopsStarted === 0) {
      ctx.progress('start: warming the file cache')
      await timedStart(ctx, 0, false)
    }

    for (const n of sizes) {
      const row: StartRow = { server: 'shop', stored: n, startsMs: [], rss: NaN, rss1000: null, hwm1000: null }
      for (let r = 0; r < repeats; r++) {
        ctx.progress(`start: ${n.toLocaleString('en-US')} trades (${r + 1}/${repeats})`)
        const last = r === repeats - 1
        // in --quick, the empty shop is timed but not loaded with sockets
        const s = await timedStart(ctx, n, last && !(ctx.quick && n === 0))
        row.startsMs.push(s.ms)
        row.rss = s.rss
        if (last) {
          row.rss1000 = s.rss1000
          row.hwm1000 = s.hwm1000
        }
      }
      rows.push(row)
    }

    ctx.progress('start: bare Socket.IO with 1,000 sockets')
    const bare = await startBare()
    const sockets: Socket[] = []
    try {
      await sleep(300)
      const idle = await rssMiB(bare.pid)
      sockets.push(...(await connectMany(bare.url, '/buyer', Array.from({ length: SEED_BUYERS }, () => ({})))))
      await sleep(ctx.quick ? 500 : 1_000)
      const busy = await rssMiB(bare.pid)
      rows.unshift({ server: 'bare Socket.IO', stored: null, startsMs: [bare.readyMs], rss: idle.rss, rss1000: busy.rss, hwm1000: busy.hwm })
    } finally {
      closeSockets(sockets)
      await bare.stop()
    }

    const targets: TargetCheck[] = []
    const big = rows.find((r) => r.stored === 100_000)
    targets.push(
      big == null
        ? check('start', 'start-100k', 'server start with 100,000 trades', '< 3 s', ctx.quick ? 'not measured in --quick' : 'not measured', null)
        : check('start', 'start-100k', 'server start with 100,000 trades', '< 3 s',
            `${(median(big.startsMs) / 1000).toFixed(2)} s`, median(big.startsMs) < 3_000),
    )
    for (const r of rows.filter((x) => x.server === 'shop' && x.stored !== 0)) {
      if (r.rss1000 == null) continue
      const mb = (r.rss1000 * 2 ** 20) / 1e6
      targets.push(check('start', `rss-1000-${r.stored}`,
        `RSS with 1,000 connected buyers, ${r.stored!.toLocaleString('en-US')} stored trades`,
        '< 150 MB', `${mb.toFixed(0)} MB`, mb < 150))
    }

    const limit = crossover(rows)
    const table: Cell[][] = rows.map((r) => [
      r.server,
      r.stored,
      median(r.startsMs),
      r.startsMs.length > 1 ? `${Math.round(Math.min(...r.startsMs))}–${Math.round(Math.max(...r.startsMs))}` : null,
      r.rss,
      r.rss1000,
      r.hwm1000,
    ])
    return {
      tables: [{
        title: this.title,
        columns: ['server', 'stored trades', 'start ms (median)', 'range', 'RSS MiB', 'RSS, 1,000 sockets', 'peak RSS'],
        rows: table,
        notes: [
          `start: spawn() to the "shop at" line, ${repeats} start(s) each on a fresh copy; node's own start-up and the server's modules are the empty shop's time.`,
          `RSS: VmRSS 0.3 s after the start, and ${ctx.quick ? 0.5 : 1} s after 1,000 buyer sockets connected (peak = VmHWM). 1 MiB = 1.05 MB.`,
          ...(limit == null ? [] : [
            `Memory per stored trade: ${limit.perTradeKiB.toFixed(2)} KiB; with 1,000 buyers connected the embedded store stays under 150 MB up to about ${limit.trades.toLocaleString('en-US')} stored trades.`,
          ]),
        ],
      }],
      targets,
      data: {
        repeats,
        memoryPerTradeKiB: limit == null ? null : round(limit.perTradeKiB, 2),
        under150MbUpToTrades: limit?.trades ?? null,
        rows: rows.map((r) => ({
          server: r.server,
          storedTrades: r.stored,
          startMs: r.startsMs.map((v) => round(v, 1)),
          startMsMedian: round(median(r.startsMs), 1),
          rssMiB: round(r.rss, 1),
          rssWith1000SocketsMiB: r.rss1000 == null ? null : round(r.rss1000, 1),
          peakRssMiB: r.hwm1000 == null ? null : round(r.hwm1000, 1),
        })),
      },
    }
  },
}

async function timedStart(
  ctx: Parameters<Scenario['run']>[0],
  stored: number,
  withSockets: boolean,
): Promise<{ ms: number; rss: number; rss1000: number | null; hwm1000: number | null }> {
  const copy = await ctx.seeds.copy(stored, 'start')
  let child: Child | null = null
  const sockets: Socket[] = []
  try {
    child = await startShop({ dataDir: copy.dir, nodeArgs: ctx.shopNodeArgs })
    const health = await fetch(`${child.url}/health`)
    if (!health.ok) throw new Error(`/health answered ${health.status}`)
    await sleep(300)
    const { rss } = await rssMiB(child.pid)
    let rss1000: number | null = null
    let hwm1000: number | null = null
    if (withSockets) {
      const who = copy.seed.buyers.slice(0, SEED_BUYERS)
      sockets.push(...(await connectMany(child.url, '/buyer', who.map((b) => ({ token: b.token })))))
      await sleep(ctx.quick ? 500 : 1_000)
      const m = await rssMiB(child.pid)
      rss1000 = m.rss
      hwm1000 = m.hwm
    }
    return { ms: child.readyMs, rss, rss1000, hwm1000 }
  } finally {
    closeSockets(sockets)
    await child?.stop()
    await rm(copy.dir, { recursive: true, force: true })
  }
}

// The RSS with 1,000 sockets grows in a straight line with stored trades
// (every trade is held in memory): from the two largest sizes measured,
// what a trade costs and where the line crosses 150 MB.
function crossover(rows: StartRow[]): { perTradeKiB: number; trades: number } | null {
  const sized = rows
    .filter((r) => r.server === 'shop' && r.stored != null && r.stored > 0 && r.rss1000 != null)
    .sort((a, b) => a.stored! - b.stored!)
  if (sized.length < 2) return null
  const a = sized.at(-2)!
  const b = sized.at(-1)!
  const perTradeMiB = (b.rss1000! - a.rss1000!) / (b.stored! - a.stored!)
  if (!(perTradeMiB > 0)) return null
  const limitMiB = 150e6 / 2 ** 20
  const trades = a.stored! + (limitMiB - a.rss1000!) / perTradeMiB
  return { perTradeKiB: perTradeMiB * 1024, trades: Math.max(0, Math.round(trades / 1000) * 1000) }
}
