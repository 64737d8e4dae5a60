import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import {
  BuyerShopClient,
  TradingFileData,
  tradingFileName,
  type BuyerSession,
  type BuyerShopClientOptions,
  type OrderInput,
} from '../../../main/core/index.js'
import type { MerchantTrade } from '../../../shared/protocol/index.js'

// Clients started by a test are stopped after it, even when it fails.
export function useClients() {
  const started: BuyerShopClient[] = []
  afterEach(async () => {
    await Promise.all(started.splice(0).map((c) => c.stop()))
  })
  return async (
    url: string,
    session: BuyerSession,
    folder: string,
    extra: Partial<BuyerShopClientOptions> = {},
  ): Promise<BuyerShopClient> => {
    const client = new BuyerShopClient({
      url, folder, ...session,
      reconnectDelayMs: 50, reconnectDelayMaxMs: 200, ...extra,
    })
    started.push(client)
    await client.start()
    return client
  }
}

export function order(sku: string, quantity = 1): OrderInput {
  return {
    items: [{ sku, quantity }],
    shipTo: { name: 'Ada Lovelace', address: '12 Analytical Row, London' },
    payment: { method: 'card' },
  }
}

// The trading file as it is on disk, parsed with its schema.
export async function onDisk(
  folder: string,
  url: string,
  buyerId: string,
): Promise<TradingFileData> {
  const path = join(folder, tradingFileName(url, buyerId))
  return TradingFileData.parse(JSON.parse(await readFile(path, 'utf8')))
}

// How many feed events the shop holds for a buyer: one per trade for its
// info, one per processing step.
export function feedLength(trades: MerchantTrade[]): number {
  return trades.reduce((n, t) => n + 1 + t.history.length, 0)
}
