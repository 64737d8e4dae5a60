import type { Socket } from 'socket.io-client'
import { now, sleep, summarize, type Summary } from './stats.js'
import { orderPayload } from './orders.js'
import { cpuSeconds, machineBusySeconds } from './procs.js'

export interface LoadOptions {
  warmupMs: number
  measureMs: number
  // the buyer index each socket orders as (for its payloads)
  buyerIndex?: (socket: number) => number
  // pid of the server, for its CPU use during the window
  serverPid?: number
}

export interface LoadResult {
  orders: number
  seconds: number
  rate: number
  latency: Summary
  // the slowest acknowledgement in each second of the window, and how
  // many were acknowledged in it
  maxPerSecond: number[]
  acksPerSecond: number[]
  over: { ms50: number; ms250: number }
  refused: Record<string, number>
  lost: number
  serverCpu: number | null
  clientCpu: number
  // cores busy with anything else on the machine during the window
  otherCpu: number | null
}

// Closed loop: every socket places an order, and the next one as soon as
// its acknowledgement is back. Orders sent and acknowledged inside the
// measuring window count towards the rate; every order sent inside the
// window counts towards the latencies, however late its answer.
export async function closedLoop(sockets: Socket[], opts: LoadOptions): Promise<LoadResult> {
  let stopping = false
  let start = Infinity
  let end = Infinity
  let counted = 0
  let inflight = 0
  const latencies: number[] = []
  const maxPerSecond: number[] = []
  const acksPerSecond: number[] = []
  const refused: Record<string, number> = {}

  sockets.forEach((socket, i) => {
    const b = opts.buyerIndex?.(i) ?? i
    let n = 0
    const fire = (): void => {
      if (stopping) return
      const t0 = now()
      inflight++
      // as the buyer's console sends it: the order's feed events come in
      // the answer, not as two more pushes to this socket
      socket.emit('order:place', { ...orderPayload(b, n++), feedInAnswer: true }, (res: { ok?: boolean; error?: { code?: string } }) => {
        const t1 = now()
        inflight--
        if (res?.ok !== true) {
          const code = res?.error?.code ?? 'malformed'
          refused[code] = (refused[code] ?? 0) + 1
        } else if (t0 >= start) {
          const ms = t1 - t0
          latencies.push(ms)
          const sec = Math.floor((t1 - start) / 1000)
          maxPerSecond[sec] = Math.max(maxPerSecond[sec] ?? 0, ms)
          acksPerSecond[sec] = (acksPerSecond[sec] ?? 0) + 1
          if (t1 <= end) counted++
        }
        fire()
      })
    }
    fire()
  })

  await sleep(opts.warmupMs)
  const cpu0 = opts.serverPid == null ? null : await cpuSeconds(opts.serverPid)
  const client0 = process.cpuUsage()
  const machine0 = await machineBusySeconds().catch(() => null)
  start = now()
  await sleep(opts.measureMs)
  end = now()
  const cpu1 = opts.serverPid == null ? null : await cpuSeconds(opts.serverPid)
  const client1 = process.cpuUsage(client0)
  const machine1 = await machineBusySeconds().catch(() => null)
  stopping = true
  const seconds = (end - start) / 1000
  // the last answers, up to 30 s; what does not come is lost
  for (const t = now(); inflight > 0 && now() - t < 30_000; ) await sleep(20)
  const latency = summarize(latencies)
  const serverCpu = cpu0 == null || cpu1 == null ? null : (cpu1 - cpu0) / seconds
  const clientCpu = (client1.user + client1.system) / 1e6 / seconds
  const machine = machine0 == null || machine1 == null ? null : (machine1 - machine0) / seconds
  return {
    orders: counted,
    seconds,
    rate: counted / seconds,
    latency,
    maxPerSecond: Array.from(maxPerSecond, (v) => v ?? 0),
    acksPerSecond: Array.from(acksPerSecond, (v) => v ?? 0),
    over: {
      ms50: latencies.filter((v) => v > 50).length,
      ms250: latencies.filter((v) => v > 250).length,
    },
    refused,
    lost: inflight,
    serverCpu,
    clientCpu,
    otherCpu: machine == null ? null : Math.max(0, machine - clientCpu - (serverCpu ?? 0)),
  }
}
