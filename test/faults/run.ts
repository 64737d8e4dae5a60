import { killChildShops } from '../support/child-shop.js'
import { formatTable } from '../support/report.js'
import { removeTempDirs } from '../support/temp-dir.js'
import { config } from './config.js'
import { killChildClients } from './lib/child-client.js'
import type { ScenarioResult } from './lib/scenario.js'
import { badInput } from './scenarios/bad-input.js'
import { clientCrash } from './scenarios/client-crash.js'
import { damagedFiles } from './scenarios/damaged-files.js'
import { flakyNetwork } from './scenarios/flaky-network.js'
import { fullDisk } from './scenarios/full-disk.js'
import { powerLoss } from './scenarios/power-loss.js'
import { readOnly } from './scenarios/read-only.js'
import { serverCrash } from './scenarios/server-crash.js'
import { sustainedLoad } from './scenarios/sustained-load.js'

// The fault suite: each scenario runs against real processes, sockets and
// files, then one table is printed. Exits 1 if any scenario failed.
//   npm run test:faults                      (CI=true for the short run)
//   FAULT_ONLY=server-crash FAULT_KILLS=200 npm run test:faults

const SCENARIOS: Record<string, () => Promise<ScenarioResult>> = {
  'server-crash': () => serverCrash(false),
  'server-crash-unsafe': () => serverCrash(true),
  'client-crash': clientCrash,
  'sustained-load': sustainedLoad,
  'full-disk': fullDisk,
  'read-only': readOnly,
  'flaky-network': flakyNetwork,
  'damaged-files': damagedFiles,
  'power-loss': powerLoss,
  'bad-input': badInput,
}

async function main(): Promise<void> {
  const names = Object.keys(SCENARIOS)
    .filter((n) => config.only.length === 0 || config.only.includes(n))
  const results: ScenarioResult[] = []
  for (const name of names) {
    const t0 = Date.now()
    process.stderr.write(`faults: ${name}…\n`)
    const result = await SCENARIOS[name]!().catch((err: unknown) => ({
      row: {
        scenario: name, iterations: 0, acked: 0, lost: 0, duplicated: 0,
        inputsTried: 0, crashes: 0, notes: 'scenario threw',
      },
      failures: [String(err instanceof Error ? err.stack : err)],
    }))
    const secs = ((Date.now() - t0) / 1000).toFixed(1)
    const verdict = result.failures.length === 0 ? 'passed' : 'FAILED'
    process.stderr.write(`faults: ${name} ${verdict} in ${secs}s\n`)
    results.push(result)
    killChildShops()
    killChildClients()
    await removeTempDirs()
  }
  console.log(`\n${formatTable(results.map((r) => r.row))}\n`)
  const failed = results.filter((r) => r.failures.length > 0)
  for (const r of failed) {
    console.log(`FAILED ${r.row.scenario}:`)
    for (const f of r.failures.slice(0, 20)) console.log(`  - ${f}`)
    if (r.failures.length > 20) console.log(`  … and ${r.failures.length - 20} more`)
  }
  console.log(`${results.length - failed.length} passed, ${failed.length} failed`)
  process.exit(failed.length === 0 ? 0 : 1)
}

process.on('exit', () => {
  killChildShops()
  killChildClients()
})

void main()
