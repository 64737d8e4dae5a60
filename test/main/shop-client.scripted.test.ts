import { once } from 'node:events'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  BuyerShopClient,
  CorruptFileError,
  TradingFile,
  tradingFileName,
  type ClientProblem,
} from '../../main/core/index.js'
import type {
  FeedEvent,
  TrackStatus,
  Trading,
} from '../../shared/protocol/index.js'
import { order, useClients } from './helpers/clients.js'
import { FAKE_TOKEN, FakeShop } from './helpers/fake-shop.js'
import { useTempFolders } from './helpers/temp.js'
import { BUYER, processing, trading } from './helpers/trades.js'
import { until } from './helpers/until.js'

const session = { buyerId: BUYER, token: FAKE_TOKEN }
const RUN: Partial<TrackStatus>[] = [
  {},
  { order: 'in_preparation' },
  { order: 'ready' },
  { order: 'ready', payment: 'captured' },
  { order: 'ready', payment: 'captured', delivery: 'shipped' },
  { order: 'ready', payment: 'captured', delivery: 'delivered' },
]

const tempFolder = useTempFolders()
const startClient = useClients()
let shop: FakeShop

beforeEach(async () => {
  shop = await FakeShop.start()
})

afterEach(async () => {
  vi.restoreAllMocks()
  await shop.close()
})

function info(t: Trading, seq: number): FeedEvent {
  return { type: 'trading:info', seq, trading: t }
}

function step(t: Trading, s: Partial<TrackStatus>, seq: number): FeedEvent {
  return { type: 'trading:processing', seq, processing: processing(t, s) }
}

// Appends a trade and its first `steps` processing updates to the feed.
function addTrade(steps = 1): Trading {
  const t = trading()
  shop.feed.push(info(t, shop.feed.length + 1))
  for (const s of RUN.slice(0, steps)) {
    shop.feed.push(step(t, s, shop.feed.length + 1))
  }
  return t
}

async function connected(): Promise<BuyerShopClient> {
  const client = await startClient(shop.url, session, await tempFolder())
  await once(client, 'synced')
  return client
}

function pushEvent(ev: FeedEvent): void {
  const { type, ...payload } = ev
  shop.push(type, payload)
}

describe('BuyerShopClient catching up', () => {
  it('catches up 10,000 updates with one write per page', async () => {
    const ids = new Set<string>()
    while (shop.feed.length < 10_000) ids.add(addTrade(RUN.length).tradingId)
    const writes = vi.spyOn(TradingFile.prototype, 'update')
    const began = performance.now()

    const client = await connected()

    const seconds = (performance.now() - began) / 1000
    expect(client.lastSeq).toBe(shop.feed.length)
    expect(new Set(Object.keys(client.trades()))).toEqual(ids)
    const presents = Object.values(client.trades()).map((t) => t.present)
    expect(presents.every((p) => p?.delivery.status === 'delivered'))
      .toBe(true)
    const pages = Math.ceil(shop.feed.length / 500)
    expect(writes.mock.calls.length).toBe(1 + pages)
    expect(seconds).toBeLessThan(10)
  })

  it('fills a gap in the pushes with a sync', async () => {
    const t = addTrade(1)
    const client = await connected()
    shop.feed.push(step(t, RUN[1]!, 3), step(t, RUN[2]!, 4))

    pushEvent(shop.feed[3] as FeedEvent)

    await until(client, 'seq 4', () => client.lastSeq === 4)
    const seqs = client.trades()[t.tradingId]?.timeline.map((e) => e.seq)
    expect(seqs).toEqual([2, 3, 4])
  })

  it('ignores a push it already has', async () => {
    const t = addTrade(2)
    const client = await connected()
    shop.feed.push(step(t, RUN[2]!, 4))

    pushEvent(shop.feed[1] as FeedEvent)
    pushEvent(shop.feed[2] as FeedEvent)
    pushEvent(shop.feed[3] as FeedEvent)

    await until(client, 'seq 4', () => client.lastSeq === 4)
    const seqs = client.trades()[t.tradingId]?.timeline.map((e) => e.seq)
    expect(seqs).toEqual([2, 3, 4])
  })

  it('reports a push that does not parse and applies nothing', async () => {
    const t = addTrade(1)
    const client = await connected()
    const reported = once(client, 'problem')

    shop.push('trading:processing', { seq: 3, processing: { nope: 1 } })

    const [problem] = (await reported) as [ClientProblem]
    expect(problem.kind).toBe('invalid_payload')
    expect(client.lastSeq).toBe(2)
    shop.feed.push(step(t, RUN[1]!, 3))
    pushEvent(shop.feed[2] as FeedEvent)
    await until(client, 'seq 3', () => client.lastSeq === 3)
  })

  it('skips past a feed event that does not parse', async () => {
    const t = addTrade(1)
    shop.feed.push({ seq: 3, type: 'trading:processing', processing: 7 })
    shop.feed.push(step(t, RUN[1]!, 4))
    const problems: ClientProblem[] = []
    const client = await startClient(shop.url, session, await tempFolder())
    client.on('problem', (p) => problems.push(p))

    await once(client, 'synced')

    expect(client.lastSeq).toBe(4)
    expect(problems.map((p) => p.kind)).toEqual(['invalid_payload'])
    expect(client.trades()[t.tradingId]?.present?.order.status)
      .toBe('in_preparation')
  })
})

describe('BuyerShopClient placing orders', () => {
  function answerOnAttempt(attempt: number, seen: string[]) {
    const placed = trading()
    shop.handlers['order:place'] = (req) => {
      seen.push(String(req.requestId))
      if (seen.length < attempt) return shop.dropConnections()
      shop.feed.push(info(placed, shop.feed.length + 1))
      shop.feed.push(step(placed, {}, shop.feed.length + 1))
      return { ok: true, trading: placed }
    }
    return placed
  }

  it('resends an unanswered order with the same request ID', async () => {
    const seen: string[] = []
    const placed = answerOnAttempt(2, seen)
    const client = await connected()

    const first = await client.placeOrder(order('MUG'))

    expect(first.state).toBe('sent')
    const done = await until(client, 'the order placed', () =>
      client.orders().find((o) => o.state === 'placed'))
    expect(seen).toEqual([first.requestId, first.requestId])
    expect(done.tradingId).toBe(placed.tradingId)
    await until(client, 'its trade', () =>
      client.trades()[placed.tradingId]?.present != null)
  })

  it('leaves an order sent when no answer comes in time', async () => {
    shop.handlers['order:place'] = () => undefined
    const client = await startClient(shop.url, session, await tempFolder(),
      { ackTimeoutMs: 100 })
    await once(client, 'synced')

    const sent = await client.placeOrder(order('MUG'))

    expect(sent.state).toBe('sent')
    expect(client.orders()).toEqual([sent])
  })

  it('reports an answer that does not parse and keeps the order', async () => {
    shop.handlers['order:place'] = () => ({ ok: true, trading: 'nope' })
    const client = await connected()
    const reported = once(client, 'problem')

    const sent = await client.placeOrder(order('MUG'))

    expect(sent.state).toBe('sent')
    const [problem] = (await reported) as [ClientProblem]
    expect(problem.kind).toBe('invalid_payload')
  })

  it('refuses to queue an order that is not valid', async () => {
    const client = await connected()

    const placing = client.placeOrder(order('not a sku!'))

    await expect(placing).rejects.toThrow(/cannot be placed/)
    expect(client.orders()).toEqual([])
  })
})

describe('BuyerShopClient with a shop that lost its data', () => {
  it('reports a feed that ends before the file\'s cursor', async () => {
    addTrade(2)
    const folder = await tempFolder()
    const first = await startClient(shop.url, session, folder)
    await once(first, 'synced')
    await first.stop()
    shop.feed.splice(0)
    const second = await startClient(shop.url, session, folder)
    const reported = once(second, 'problem')

    const [problem] = (await reported) as [ClientProblem]

    expect(problem.kind).toBe('feed_behind')
    expect(second.lastSeq).toBe(3)
  })
})

describe('BuyerShopClient with a damaged trading file', () => {
  it('refuses to start, then starts afresh from the feed', async () => {
    addTrade(2)
    const folder = await tempFolder()
    const path = join(folder, tradingFileName(shop.url, BUYER))
    await writeFile(path, '{"version":1,"trades":')
    const client = new BuyerShopClient({ url: shop.url, folder, ...session })

    const err = await client.start().catch((e: unknown) => e)
    expect(err).toBeInstanceOf(CorruptFileError)
    await client.start()
    await once(client, 'synced')
    await client.stop()

    expect(client.lastSeq).toBe(3)
    const moved = (err as CorruptFileError).movedTo
    expect(await readFile(moved, 'utf8')).toBe('{"version":1,"trades":')
  })
})
