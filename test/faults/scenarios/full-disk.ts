import { execFile } from 'node:child_process'
import { open, readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { checkDataFolder } from '../lib/check-store.js'
import { MerchantDriver } from '../lib/merchant.js'
import { RawBuyers } from '../lib/raw-buyers.js'
import type { ScenarioResult } from '../lib/scenario.js'
import { killAndRestart } from './server-crash.js'
import { CHILD_MERCHANT_KEY, startChildShop } from '../../support/child-shop.js'
import { tempDir } from '../../support/temp-dir.js'
import { pause, waitFor } from '../../support/wait.js'

const run = promisify(execFile)
const STOCK = new Map([['DISK', 10_000_000]])
const CYCLES = 3

// The real shop on a small tmpfs that fills up under load: every order
// is answered (acknowledged, or refused `unavailable`), the shop stays up,
// nothing half-written is left, and once space returns it takes orders
// again by itself; refused orders sent again are placed exactly once.
export async function fullDisk(): Promise<ScenarioResult> {
  const mountPoint = await tempDir('fault-disk')
  const mounted = await mountTmpfs(mountPoint)
  if (!mounted.ok) return skipped(mounted.why)
  try {
    return await onSmallDisk(mountPoint)
  } finally {
    await run('umount', ['-l', mountPoint]).catch(() => undefined)
  }
}

async function onSmallDisk(dataDir: string): Promise<ScenarioResult> {
  let shop = await startChildShop(dataDir)
  const merchant = new MerchantDriver(shop.url, CHILD_MERCHANT_KEY)
  await waitFor('merchant connected', () => merchant.socket.connected)
  await merchant.socket.emitWithAck('catalog:upsert', {
    sku: 'DISK', name: 'Disk', priceMinor: 100, currency: 'EUR', stock: 10_000_000,
  })
  const buyers = await RawBuyers.create(shop.url, 4, 'DISK')
  const failures: string[] = []
  let retried = 0

  for (let cycle = 0; cycle < CYCLES; cycle++) {
    const stop = { now: false }
    const load = [buyers.run(stop), merchant.run(stop, [5, 15])]
    await pause(400)
    const filler = await fillDisk(dataDir)
    await waitFor('an order refused unavailable', () => buyers.unavailable.length > 0, 15_000)
      .catch(() => failures.push(`cycle ${cycle + 1}: no order was refused on a full disk`))
    if ((await fetch(`${shop.url}/health`)).status !== 200) {
      failures.push('health failed on a full disk')
    }
    failures.push(...(await halfWritten(dataDir)).map((x) => `cycle ${cycle + 1}: ${x}`))
    await rm(filler)
    stop.now = true
    await Promise.all(load)
    retried += await buyers.retryUnavailable()
    if (buyers.unavailable.length > 0) {
      failures.push(`cycle ${cycle + 1}: orders still refused after space returned`)
    }
  }

  shop = await killAndRestart(shop, dataDir, shop.port, {}, async () => {
    const acked = { orders: buyers.acked, moves: merchant.acked }
    const check = await checkDataFolder(dataDir, acked, STOCK)
    failures.push(...check.lost.map((x) => `lost ${x}`),
      ...check.duplicated.map((x) => `duplicated ${x}`), ...check.problems)
  })
  buyers.close()
  merchant.close()
  shop.child.kill('SIGTERM')
  await shop.exited
  return {
    row: {
      scenario: 'full disk (4 MiB tmpfs)', iterations: CYCLES,
      acked: buyers.acked.length + merchant.acked.length,
      lost: failures.filter((f) => f.startsWith('lost')).length,
      duplicated: failures.filter((f) => f.startsWith('duplicated')).length,
      inputsTried: buyers.answered + retried, crashes: 1,
      notes: `${retried} refused unavailable, each placed once when space returned`,
    },
    failures,
  }
}

async function mountTmpfs(dir: string): Promise<{ ok: true } | { ok: false; why: string }> {
  try {
    await run('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', dir])
    return { ok: true }
  } catch (err) {
    const first = String(err).split('\n')[0]
    return { ok: false, why: `cannot mount a tmpfs here (needs root): ${first}` }
  }
}

// Takes every free byte left, so the next write that needs a new page
// fails with ENOSPC. Returns the filler's path.
async function fillDisk(dir: string): Promise<string> {
  const path = join(dir, 'filler.bin')
  const handle = await open(path, 'w')
  const chunk = Buffer.alloc(64 * 1024)
  try {
    for (let size = chunk.length; size >= 512; size = Math.floor(size / 2)) {
      for (;;) {
        try {
          await handle.write(chunk, 0, size)
        } catch {
          break
        }
      }
    }
  } finally {
    await handle.close()
  }
  return path
}

// Temp files of failed snapshot writes must go away (one may exist for
// a moment while a write is tried); journal lines are checked after the
// kill, by checkDataFolder.
async function halfWritten(dir: string): Promise<string[]> {
  const temps = async () => {
    const found: string[] = []
    for (const folder of [dir, join(dir, 'buyers')]) {
      for (const name of await readdir(folder)) {
        if (name.endsWith('.tmp')) found.push(name)
      }
    }
    return found
  }
  try {
    await waitFor('no temp files', async () => (await temps()).length === 0, 3_000)
    return []
  } catch {
    return (await temps()).map((name) => `temp file ${name} left behind`)
  }
}

function skipped(why: string): ScenarioResult {
  return {
    row: {
      scenario: 'full disk', iterations: 0, acked: 0, lost: 0, duplicated: 0,
      inputsTried: 0, crashes: 0, notes: `SKIPPED: ${why}`,
    },
    failures: [],
  }
}
