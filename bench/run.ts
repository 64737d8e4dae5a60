import { mkdir, writeFile } from 'node:fs/promises'
import { cpus, totalmem } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { execFileSync } from 'node:child_process'
import { startJanitor } from './lib/janitor.js'
import { ROOT, killAllChildren, listChildrenIn, logShopsTo, machineBusySeconds, ownCpuSeconds, stopAllChildren } from './lib/procs.js'
import type { Context, Scenario, ScenarioResult, TargetCheck } from './lib/scenario.js'
import { Seeds } from './lib/seed.js'
import { closeAllSockets } from './lib/sockets.js'
import { renderTable } from './lib/table.js'
import { TempRoot } from './lib/temp.js'
import { intake } from './scenarios/intake.js'
import { sustained } from './scenarios/sustained.js'
import { push } from './scenarios/push.js'
import { catchup } from './scenarios/catchup.js'
import { start } from './scenarios/start.js'
import { tradingFile } from './scenarios/trading-file.js'
import { board } from './scenarios/board.js'

const SCENARIOS: Scenario[] = [intake, sustained, push, catchup, start, tradingFile, board]

const HELP = `Tradepost benchmarks

  npm run bench -- [--quick] [--only name,name] [--out FILE] [--profile DIR]
                   [--shop-log FILE] [--shop-node-arg FLAG ...]

  --quick     a short smoke run of every scenario (under a minute)
  --only      run only these scenarios: ${SCENARIOS.map((s) => s.name).join(', ')}
  --out       where the JSON goes (default bench/results.json)
  --profile   write a CPU profile of every shop server started into DIR
              (node --cpu-prof; open the .cpuprofile files in Chrome DevTools)
  --shop-log  append every shop server's output to FILE
  --shop-node-arg
              a node flag for every shop server, e.g. --shop-node-arg=--trace-gc

Benchmarks are not tests: a missed target is printed as MISS, and the run
still succeeds.`

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      out: { type: 'string' },
      profile: { type: 'string' },
      'shop-log': { type: 'string' },
      'shop-node-arg': { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  if (values.help) {
    console.log(HELP)
    return 0
  }
  const names = values.only?.split(',').map((s) => s.trim()).filter((s) => s.length > 0)
  const unknown = names?.filter((n) => !SCENARIOS.some((s) => s.name === n)) ?? []
  if (unknown.length > 0) {
    console.error(`unknown scenario ${unknown.join(', ')}; there are ${SCENARIOS.map((s) => s.name).join(', ')}`)
    return 2
  }
  const chosen = SCENARIOS.filter((s) => names == null || names.includes(s.name))
  const out = values.out == null ? resolve(ROOT, 'bench/results.json') : resolve(values.out)
  const profileDir = values.profile == null ? null : resolve(values.profile)
  if (profileDir != null) await mkdir(profileDir, { recursive: true })
  if (values['shop-log'] != null) logShopsTo(resolve(values['shop-log']))

  const temp = await TempRoot.make()
  listChildrenIn(join(temp.dir, 'children.json'))
  startJanitor(temp.dir)
  const cleanup = () => {
    killAllChildren()
    try {
      temp.removeSync()
    } catch {
      // nothing more to do on the way out
    }
  }
  process.once('exit', cleanup)
  // `npm run` and tsx pass a Ctrl-C on as well, so the same signal comes
  // more than once: the first starts the clean-up, the others wait for it.
  let stopping = false
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      if (stopping) return
      stopping = true
      console.error(`\n${signal}: stopping every server this run started and removing ${temp.dir}`)
      closeAllSockets()
      void stopAllChildren()
        .then(() => temp.remove())
        .catch(() => undefined)
        .finally(() => process.exit(130))
    })
  }

  const started = Date.now()
  const ctx: Context = {
    quick: values.quick,
    temp,
    seeds: new Seeds(temp),
    shopNodeArgs: [
      ...(profileDir == null ? [] : ['--cpu-prof', '--cpu-prof-dir', profileDir]),
      ...(values['shop-node-arg'] ?? []),
    ],
    progress: (m) => console.error(`  · ${m}  (${((Date.now() - started) / 1000).toFixed(0)} s)`),
  }
  console.log(`Tradepost bench${ctx.quick ? ' (--quick)' : ''}: ${chosen.map((s) => s.name).join(', ')}`)
  const background = await backgroundLoad()
  console.log(`node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB; ` +
    `before the run ${background.toFixed(2)} cores were busy with other programs`)
  if (background > 0.2) console.log('  (the machine is not idle: expect noisier figures; compare ratios within this run)')

  const results: Record<string, ScenarioResult & { seconds: number; otherCores: number | null }> = {}
  for (const scenario of chosen) {
    const t0 = Date.now()
    const cpu0 = await cpuMark()
    let result: ScenarioResult
    try {
      result = await scenario.run(ctx)
    } catch (err) {
      const message = err instanceof Error ? (err.stack ?? err.message) : String(err)
      result = { tables: [], targets: [], data: null, status: 'failed', message }
      console.error(`\n${scenario.title}: FAILED\n${message}`)
    } finally {
      closeAllSockets()
      await stopAllChildren()
    }
    const seconds = (Date.now() - t0) / 1000
    const cpu1 = await cpuMark()
    const otherCores = cpu0 == null || cpu1 == null ? null
      : Math.max(0, (cpu1.machine - cpu0.machine - (cpu1.own - cpu0.own)) / seconds)
    results[scenario.name] = { ...result, seconds, otherCores }
    const last = result.tables.at(-1)
    if (last != null && otherCores != null) {
      last.notes = [...(last.notes ?? []), `Other programs kept ${otherCores.toFixed(2)} of ${cpus().length} cores busy on average during this scenario (${seconds.toFixed(0)} s).`]
    }
    for (const table of result.tables) console.log(renderTable(table))
    if (result.status === 'pending') console.log(`\n${scenario.title}\n  ${result.message}`)
  }

  const targets: TargetCheck[] = Object.values(results).flatMap((r) => r.targets)
  if (targets.length > 0) {
    console.log(renderTable({
      title: 'Targets',
      columns: ['', 'figure', 'target', 'measured'],
      rows: targets.map((t) => [t.pass == null ? 'n/a' : t.pass ? 'PASS' : 'MISS', t.description, t.target, t.value]),
    }))
  }

  const seconds = (Date.now() - started) / 1000
  const json = {
    meta: {
      date: new Date().toISOString(),
      quick: ctx.quick,
      scenarios: chosen.map((s) => s.name),
      node: process.version,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? null,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      commit: gitCommit(),
      backgroundCoresBusyBefore: Math.round(background * 100) / 100,
      seconds,
    },
    targets,
    scenarios: Object.fromEntries(
      Object.entries(results).map(([name, r]) => [
        name,
        {
          status: r.status ?? 'done',
          message: r.message ?? null,
          seconds: r.seconds,
          otherProgramsCores: r.otherCores == null ? null : Math.round(r.otherCores * 100) / 100,
          data: r.data,
          tables: r.tables,
        },
      ]),
    ),
  }
  await mkdir(dirname(out), { recursive: true })
  await writeFile(out, `${JSON.stringify(json, null, 2)}\n`)
  console.log(`\n${seconds.toFixed(0)} s in all; figures in ${relative(process.cwd(), out) || out}`)
  closeAllSockets()
  await stopAllChildren()
  await temp.remove()
  return 0
}

// CPU seconds of the whole machine, and of this process with its reaped
// children, so that what other programs used can be told apart.
async function cpuMark(): Promise<{ machine: number; own: number } | null> {
  try {
    return { machine: await machineBusySeconds(), own: await ownCpuSeconds() }
  } catch {
    return null
  }
}

// Cores busy over one second before anything starts.
async function backgroundLoad(): Promise<number> {
  const a = await machineBusySeconds().catch(() => NaN)
  await new Promise((r) => setTimeout(r, 1_000))
  const b = await machineBusySeconds().catch(() => NaN)
  return b - a
}

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
  } catch {
    return null
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err)
    process.exit(1)
  },
)
