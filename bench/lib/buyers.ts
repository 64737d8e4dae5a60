import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { BuyerShopClient } from '../../main/core/shop-client.js'
import type { SeedBuyer } from './seed.js'

// Real buyer consoles' cores (BuyerShopClient), each with its own trading
// folder, started and caught up with the shop's feed.

export async function startClient(url: string, buyer: SeedBuyer, folder: string): Promise<BuyerShopClient> {
  await mkdir(folder, { recursive: true })
  const client = new BuyerShopClient({
    url,
    token: buyer.token,
    buyerId: buyer.buyerId,
    folder,
    reconnectDelayMs: 100,
  })
  await client.start()
  return client
}

// Resolves once the client's trading file holds the shop's feed up to
// at least `seq`.
export function syncedTo(client: BuyerShopClient, seq: number, timeoutMs = 60_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (lastSeq: number) => {
      if (lastSeq < seq) return
      clearTimeout(timer)
      client.off('synced', done)
      resolve()
    }
    const timer = setTimeout(() => {
      client.off('synced', done)
      reject(new Error(`client did not reach seq ${seq} in ${timeoutMs} ms (at ${safeSeq(client)})`))
    }, timeoutMs)
    client.on('synced', done)
    done(safeSeq(client))
  })
}

function safeSeq(client: BuyerShopClient): number {
  try {
    return client.lastSeq
  } catch {
    return 0
  }
}

export const clientFolder = (root: string, i: number) => join(root, `buyer-${i}`)
