import { spawn, type ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../../..', import.meta.url))

type Line = Record<string, unknown>

export interface ChildClient {
  child: ChildProcess
  exited: Promise<number | string>
  // Resolves with the first reported line that `match` accepts.
  next(
    match: (line: Line) => boolean,
    timeoutMs?: number,
  ): Promise<Line>
}

const live = new Set<ChildProcess>()

export function killChildClients(): void {
  for (const child of live) child.kill('SIGKILL')
}

// Starts lib/client-child.ts with `env` in a process of its own.
export function startChildClient(env: Record<string, string>): ChildClient {
  const child = spawn(process.execPath,
    ['--import', 'tsx', 'test/faults/lib/client-child.ts'],
    { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] })
  live.add(child)
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => {
      live.delete(child)
      resolve(signal ?? code ?? -1)
    }))
  const lines: Record<string, unknown>[] = []
  const waiters: Array<() => void> = []
  createInterface({ input: child.stdout! }).on('line', (text) => {
    lines.push(JSON.parse(text) as Record<string, unknown>)
    for (const w of waiters.splice(0)) w()
  })
  const next: ChildClient['next'] = (match, timeoutMs = 30_000) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('child client: no such line')), timeoutMs)
      const look = () => {
        const found = lines.find(match)
        if (found != null) {
          clearTimeout(timer)
          resolve(found)
        } else {
          waiters.push(look)
        }
      }
      look()
    })
  return { child, exited, next }
}
