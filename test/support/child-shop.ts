import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

export interface ChildShop {
  url: string
  child: ChildProcess
  // Resolves with the exit code or the signal that ended the process.
  exited: Promise<number | string>
}

// Runs the real shop server from its command line in a child process, so
// a test can kill it as a crash would.
export function startChildShop(dataDir: string, port = 0): Promise<ChildShop> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'server/cli.ts', '--port', String(port), '--data', dataDir, '--log', 'silent'],
    {
      cwd: ROOT,
      env: { ...process.env, TRADEPOST_MERCHANT_KEY: 'child-merchant-key-0123456789' },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  )
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? code ?? -1)),
  )
  return new Promise((resolve, reject) => {
    let err = ''
    child.stderr!.on('data', (chunk: Buffer) => {
      err += chunk.toString()
      const m = /shop at (http:\/\/[^\s]+)/.exec(err)
      if (m != null) resolve({ url: m[1]!, child, exited })
    })
    void exited.then((how) => reject(new Error(`shop exited (${how}): ${err}`)))
  })
}

export const CHILD_MERCHANT_KEY = 'child-merchant-key-0123456789'
