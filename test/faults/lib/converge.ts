import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  TradingFileData,
  tradingFileName,
  type BuyerShopClient,
} from '../../../main/core/index.js'
import {
  canonicalJson,
  type MerchantTrade,
} from '../../../shared/protocol/index.js'
import { waitFor } from '../../support/wait.js'

export interface Convergence {
  converged: number
  problems: string[]
  // trades at the shop that no order of the buyer's file accounts for
  duplicated: string[]
}

// Waits until every client has caught up with its buyer's feed at the
// shop, then checks that its trading file holds exactly the shop's record:
// every trade, each whole history once and in order, no warnings, every
// order settled, and the file on disk the same as in memory.
export async function checkConvergence(
  clients: { client: BuyerShopClient; buyerId: string; folder: string }[],
  trades: () => Promise<MerchantTrade[]>,
  timeoutMs = 30_000,
): Promise<Convergence> {
  const out: Convergence = { converged: 0, problems: [], duplicated: [] }
  // Orders still waiting for an answer go out again on reconnect; the
  // shop's record is read once they are all settled.
  const settled = () => clients.every(({ client }) =>
    client.orders().every((o) => o.state === 'placed' || o.state === 'refused'))
  await waitFor('every order answered', settled, timeoutMs).catch((err) =>
    out.problems.push(String(err)))
  const all = await trades()
  for (const { client, buyerId, folder } of clients) {
    const mine = all.filter((t) => t.trading.buyerId === buyerId)
    const feedLength = mine.reduce((n, t) => n + 1 + t.history.length, 0)
    try {
      await waitFor(`${buyerId} at seq ${feedLength}`,
        () => client.lastSeq >= feedLength, timeoutMs)
    } catch (err) {
      out.problems.push(String(err))
      continue
    }
    const before = out.problems.length + out.duplicated.length
    compare(client, mine, out)
    await compareFile(client, folder, buyerId, out)
    if (out.problems.length + out.duplicated.length === before) out.converged += 1
  }
  return out
}

function compare(client: BuyerShopClient, mine: MerchantTrade[], out: Convergence) {
  const held = client.trades()
  const placed = new Set(client.orders().flatMap((o) => o.tradingId ?? []))
  for (const t of mine) {
    const id = t.trading.tradingId
    const record = held[id]
    if (!placed.has(id)) out.duplicated.push(`shop trade ${id} matches no order of the buyer`)
    if (record == null) {
      out.problems.push(`client lacks ${id}`)
      continue
    }
    const timeline = record.timeline.map((e) => canonicalJson(e.processing))
    const history = t.history.map((p) => canonicalJson(p))
    if (canonicalJson(record.trading) !== canonicalJson(t.trading) ||
      timeline.join('\n') !== history.join('\n')) {
      out.problems.push(`client's ${id} differs from the shop's record`)
    }
  }
  if (Object.keys(held).length !== mine.length) {
    out.problems.push(`client holds ${Object.keys(held).length} trades, shop ${mine.length}`)
  }
  const warnings = client.warnings().length
  if (warnings > 0) out.problems.push(`client raised ${warnings} warnings`)
}

async function compareFile(
  client: BuyerShopClient,
  folder: string,
  buyerId: string,
  out: Convergence,
) {
  const path = join(folder, tradingFileName(client.url, buyerId))
  // A write may still be on its way to disk: wait for it.
  const same = async () => {
    const disk = TradingFileData.parse(JSON.parse(await readFile(path, 'utf8')))
    return canonicalJson(disk.trades) === canonicalJson(client.trades())
  }
  try {
    await waitFor(`${path} on disk to match memory`, same, 5_000)
  } catch (err) {
    out.problems.push(String(err))
  }
}
