import { spawn, type ChildProcess } from 'node:child_process'
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { now } from './stats.js'

export const ROOT = fileURLToPath(new URL('../..', import.meta.url))
export const MERCHANT_KEY = 'bench-merchant-key-0123456789'
const SHOP_SCRIPT = 'out/main/shop-server.js'

// Every child this run starts, so that all of them stop at the end, on
// Ctrl-C and on a crash of the bench itself.
const children = new Map<ChildProcess, Promise<void>>()
let listFile: string | null = null

// Where the pids of running children are kept for the janitor.
export function listChildrenIn(path: string): void {
  listFile = path
  saveList()
}

function saveList(): void {
  if (listFile == null) return
  try {
    writeFileSync(listFile, JSON.stringify([...children.keys()].map((c) => c.pid)))
  } catch {
    // the folder is being removed
  }
}

// Kills every child still running; for the last moment of the process.
export function killAllChildren(): void {
  for (const child of children.keys()) {
    if (child.exitCode == null && child.signalCode == null) child.kill('SIGKILL')
  }
}

// Kills every child still running and waits until each has exited, so
// that none writes into a folder about to be removed.
export async function stopAllChildren(timeoutMs = 5_000): Promise<void> {
  const waiting = [...children.values()]
  killAllChildren()
  await Promise.race([
    Promise.all(waiting),
    new Promise((resolve) => setTimeout(resolve, timeoutMs).unref()),
  ])
}

export interface Child {
  child: ChildProcess
  pid: number
  url: string
  // from spawn() to the "… at http://…" line on stderr
  readyMs: number
  stop(): Promise<void>
}

export interface ChildOptions {
  script: string
  args?: string[]
  nodeArgs?: string[]
  env?: Record<string, string>
  // the stderr line that carries the address once the child serves
  ready: RegExp
  timeoutMs?: number
}

// Where every child's output goes, if anywhere (--shop-log): GC traces
// and the like, for a person reading afterwards.
let stderrLog: string | null = null
export function logShopsTo(path: string): void {
  stderrLog = path
}

// Starts `node <script>` (built JavaScript) and resolves once it prints
// its address on stderr.
export function startChild(opts: ChildOptions): Promise<Child> {
  const t0 = now()
  const child = spawn(
    process.execPath,
    [...(opts.nodeArgs ?? []), opts.script, ...(opts.args ?? [])],
    {
      cwd: ROOT,
      env: { ...process.env, ...opts.env },
      stdio: ['ignore', stderrLog == null ? 'ignore' : 'pipe', 'pipe'],
    },
  )
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      children.delete(child)
      saveList()
      resolve()
    }),
  )
  children.set(child, exited)
  saveList()
  const stop = async () => {
    if (child.exitCode != null || child.signalCode != null) return
    child.kill('SIGTERM')
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
    await exited
    clearTimeout(timer)
  }
  return new Promise((resolve, reject) => {
    let err = ''
    let ready = false
    const timer = setTimeout(() => {
      void stop()
      reject(new Error(`${opts.script} did not start in time: ${err.slice(-500)}`))
    }, opts.timeoutMs ?? 60_000)
    child.stdout?.on('data', (chunk: Buffer) => {
      if (stderrLog != null) appendFileSync(stderrLog, chunk)
    })
    child.stderr!.on('data', (chunk: Buffer) => {
      if (stderrLog != null) appendFileSync(stderrLog, chunk)
      if (ready) return
      const t = now()
      err += chunk.toString()
      const m = opts.ready.exec(err)
      if (m != null && m[1] != null) {
        ready = true
        clearTimeout(timer)
        resolve({ child, pid: child.pid!, url: m[1], readyMs: t - t0, stop })
      }
    })
    void exited.then(() => {
      clearTimeout(timer)
      reject(new Error(`${opts.script} exited before serving: ${err.slice(-500)}`))
    })
  })
}

export interface ShopChildOptions {
  dataDir: string
  // extra node flags, e.g. --cpu-prof
  nodeArgs?: string[]
  // lift the per-connection order rate limit (--order-rate 0), so that a
  // buyer ordering flat out measures the shop rather than the limit
  unlimitedOrders?: boolean
}

// Whether this shop's command line has --order-rate (newer versions).
let orderRateOption: boolean | null = null
export function hasOrderRateOption(): boolean {
  if (orderRateOption == null) {
    try {
      orderRateOption = readFileSync(`${ROOT}server/cli.ts`, 'utf8').includes("'order-rate'")
    } catch {
      orderRateOption = false
    }
  }
  return orderRateOption
}

// How many shops this run has started (the first warms the file cache).
export let shopsStarted = 0

// The real shop, from its command line, as a merchant would run it: the
// built server (`npm run bench` builds first, as `npm run server` does).
export function startShop(opts: ShopChildOptions): Promise<Child> {
  shopsStarted++
  return startChild({
    script: SHOP_SCRIPT,
    args: [
      '--port', '0', '--data', opts.dataDir, '--log', 'silent',
      ...(opts.unlimitedOrders === true && hasOrderRateOption() ? ['--order-rate', '0'] : []),
    ],
    nodeArgs: opts.nodeArgs,
    env: { TRADEPOST_MERCHANT_KEY: MERCHANT_KEY },
    ready: /shop at (http:\/\/\S+)/,
  })
}

// The baseline: Socket.IO alone, acknowledging orders without any work.
export function startBare(nodeArgs?: string[]): Promise<Child> {
  return startChild({
    script: 'bench/lib/bare-server.mjs',
    nodeArgs,
    ready: /bare at (http:\/\/\S+)/,
  })
}

// Resident set size of a process, in MiB, from /proc/<pid>/status.
export async function rssMiB(pid: number): Promise<{ rss: number; hwm: number }> {
  const text = await readFile(`/proc/${pid}/status`, 'utf8')
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(text)?.[1] ?? NaN)
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 }
}

// CPU seconds the whole machine has been busy so far (all cores, from
// /proc/stat), to tell how much of a window went to other programs.
export async function machineBusySeconds(): Promise<number> {
  const line = (await readFile('/proc/stat', 'utf8')).split('\n', 1)[0]!
  // user nice system idle iowait irq softirq steal (guest time is in user)
  const v = line.trim().split(/\s+/).slice(1, 9).map(Number)
  const total = v.reduce((a, b) => a + b, 0)
  const idle = (v[3] ?? 0) + (v[4] ?? 0)
  return (total - idle) / 100
}

// CPU seconds used by this process and by the children it has reaped
// (every server a scenario started, once stopped).
export async function ownCpuSeconds(): Promise<number> {
  const text = await readFile('/proc/self/stat', 'utf8')
  const f = text.slice(text.lastIndexOf(')') + 2).split(' ')
  return (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / 100
}

// CPU seconds (user + system) a process has used so far.
export async function cpuSeconds(pid: number): Promise<number> {
  const text = await readFile(`/proc/${pid}/stat`, 'utf8')
  // fields after the command name, which is in parentheses
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ')
  const ticks = Number(fields[11]) + Number(fields[12])
  return ticks / 100
}
