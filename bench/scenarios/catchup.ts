import { readdir, readFile, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { Socket } from 'socket.io-client'
import { BuyerShopClient } from '../../main/core/shop-client.js'
import { startClient, syncedTo } from '../lib/buyers.js'
import { JOURNEY } from '../lib/journey.js'
import { orderPayload } from '../lib/orders.js'
import { startShop, type Child } from '../lib/procs.js'
import { check, type Scenario } from '../lib/scenario.js'
import { closeSockets, connect, hugeStock, merchant, pool, request } from '../lib/sockets.js'
import { now, round } from '../lib/stats.js'

// 3. Catch-up: a buyer's console is closed while the merchant makes
// 10,000 status moves on its trades (1,250 trades × the 8 moves to
// complete); then it starts again. Timed from BuyerShopClient.start()
// (open the trading file, connect, sync page by page, one durable write
// per page) until its trading file holds every update: the `synced`
// event at the shop's last seq, confirmed by reading the file back.
// Baseline: the same feed pages fetched over a raw socket, not applied.

export const catchup: Scenario = {
  name: 'catchup',
  title: '3. Catch-up after being offline',
  async run(ctx) {
    const updates = ctx.quick ? 2_000 : 10_000
    const tradesN = updates / JOURNEY.length
    let child: Child | null = null
    let dir: string | null = null
    let client: BuyerShopClient | null = null
    const sockets: Socket[] = []
    try {
      ctx.progress(`catchup: ${tradesN} trades, ${updates.toLocaleString('en-US')} updates while offline`)
      const copy = await ctx.seeds.copy(0, 'catchup')
      dir = copy.dir
      child = await startShop({ dataDir: dir, nodeArgs: ctx.shopNodeArgs, unlimitedOrders: true })
      const url = child.url
      await hugeStock(url)
      const buyer = copy.seed.buyers[0]!
      const raw = await connect(url, '/buyer', { token: buyer.token })
      sockets.push(raw)
      const ids: string[] = []
      await pool(Array.from({ length: tradesN }, (_, n) => n), 32, async (n) => {
        const res = await request(raw, 'order:place', orderPayload(buyer.index, n, 'catchup'))
        if (res?.ok !== true) throw new Error(`order:place: ${JSON.stringify(res)}`)
        ids[n] = res.trading.tradingId as string
      })
      const before = buyer.feedLength + 2 * tradesN

      // the console holds every trade, then closes
      const folder = await ctx.temp.sub('catchup-client')
      client = await startClient(url, buyer, folder)
      await syncedTo(client, before)
      await client.stop()
      client = null

      // the merchant takes every trade to complete meanwhile
      const m = await merchant(url)
      sockets.push(m)
      const tMoves = now()
      for (const move of JOURNEY) {
        await pool(ids, 64, async (tradingId) => {
          const res = await request(m, 'order:advance', { tradingId, ...move })
          if (res?.ok !== true) throw new Error(`order:advance: ${JSON.stringify(res)}`)
        })
      }
      const movesMs = now() - tMoves
      const target = before + updates

      // baseline: the same pages over a raw socket, nothing applied
      const tRaw = now()
      let pages = 0
      for (let after = before; after < target; pages++) {
        const res = await request(raw, 'feed:sync', { after, limit: 500 })
        if (res?.ok !== true || res.events.length === 0) throw new Error(`feed:sync: ${JSON.stringify(res).slice(0, 200)}`)
        after = res.events.at(-1).seq as number
      }
      const rawMs = now() - tRaw

      // the console starts again
      const t0 = now()
      let onlineAt = NaN
      const c = new BuyerShopClient({
        url, token: buyer.token, buyerId: buyer.buyerId, folder, reconnectDelayMs: 100,
      })
      client = c
      c.on('status', (s) => {
        if (s === 'online' && Number.isNaN(onlineAt)) onlineAt = now()
      })
      const synced = syncedTo(c, target, 120_000)
      await c.start()
      await synced
      const totalMs = now() - t0

      // read back from disk
      const name = (await readdir(folder)).find((n) => n.startsWith('trading-') && n.endsWith('.json'))!
      const path = join(folder, name)
      const data = JSON.parse(await readFile(path, 'utf8')) as {
        lastSeq: number
        trades: Record<string, { present: { order: { status: string } } | null; timeline: unknown[] }>
      }
      const complete = ids.filter((id) => data.trades[id]?.present?.order.status === 'completed').length
      const timeline = ids.reduce((s, id) => s + (data.trades[id]?.timeline.length ?? 0), 0)
      const size = (await stat(path)).size
      const verified = data.lastSeq === target && complete === tradesN && timeline === tradesN * (1 + JOURNEY.length)

      return {
        tables: [{
          title: `${this.title}: ${updates.toLocaleString('en-US')} updates on ${tradesN.toLocaleString('en-US')} trades`,
          columns: ['', 'ms'],
          rows: [
            ['client start → connected (trading file opened)', onlineAt - t0],
            ['client start → trading file holds all updates', totalMs],
            ['baseline: the same pages over a raw socket, not applied', rawMs],
          ],
          notes: [
            `${pages} pages of 500; trading file afterwards ${(size / 2 ** 20).toFixed(1)} MiB; ` +
              `read back from disk: lastSeq ${data.lastSeq} of ${target}, ${complete}/${tradesN} trades complete` +
              (verified ? ' (all there).' : ' (INCOMPLETE).'),
            `The merchant's ${updates.toLocaleString('en-US')} moves took ${(movesMs / 1000).toFixed(1)} s (64 in flight).`,
          ],
        }],
        targets: [
          check('catchup', 'catchup', `catch-up of ${updates.toLocaleString('en-US')} updates`, '< 2 s',
            `${(totalMs / 1000).toFixed(2)} s`, verified ? totalMs < 2_000 : false),
        ],
        data: {
          updates,
          trades: tradesN,
          pages,
          ms: {
            toConnected: round(onlineAt - t0, 1),
            toAllOnDisk: round(totalMs, 1),
            rawFetchBaseline: round(rawMs, 1),
            merchantMoves: round(movesMs, 1),
          },
          tradingFileBytes: size,
          verified,
        },
      }
    } finally {
      await client?.stop().catch(() => undefined)
      closeSockets(sockets)
      await child?.stop()
      if (dir != null) await rm(dir, { recursive: true, force: true })
    }
  },
}
