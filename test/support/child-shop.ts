import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

export const CHILD_MERCHANT_KEY = 'child-merchant-key-0123456789'

const live = new Set<ChildProcess>()

// Kills every shop this process started that is still running (for a
// harness that stops early).
export function killChildShops(): void {
  for (const child of live) child.kill('SIGKILL')
}

export interface ChildShop {
  url: string
  port: number
  child: ChildProcess
  // Resolves with the exit code or the signal that ended the process.
  exited: Promise<number | string>
  // what the shop wrote on standard error so far (the banner, failures)
  stderr: () => string
}

export interface ChildShopOptions {
  port?: number
  // extra environment, e.g. the fault harness's test controls
  env?: Record<string, string>
  log?: string
  merchantKey?: string | null
  // more command-line options
  args?: string[]
}

// Runs the real shop server from its command line in a child process, so
// a test can kill it as a crash would.
export function startChildShop(
  dataDir: string,
  portOrOptions: number | ChildShopOptions = 0,
): Promise<ChildShop> {
  const opts = typeof portOrOptions === 'number'
    ? { port: portOrOptions }
    : portOrOptions
  const key = opts.merchantKey === undefined ? CHILD_MERCHANT_KEY : opts.merchantKey
  const args = [
    '--import', 'tsx', 'server/cli.ts', '--port', String(opts.port ?? 0),
    '--data', dataDir, '--log', opts.log ?? 'silent', ...(opts.args ?? []),
  ]
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      TRADEPOST_MERCHANT_KEY: key ?? '',
      ...opts.env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  live.add(child)
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => {
      live.delete(child)
      resolve(signal ?? code ?? -1)
    }),
  )
  let err = ''
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      err += chunk.toString()
      const m = /shop at (http:\/\/[^\s]+)/.exec(err)
      if (m != null) {
        const url = m[1]!
        resolve({
          url, port: Number(new URL(url).port), child, exited,
          stderr: () => err,
        })
      }
    })
    void exited.then((how) => reject(new Error(`shop exited (${how}): ${err}`)))
  })
}
