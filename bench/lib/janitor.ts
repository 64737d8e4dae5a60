import { spawn } from 'node:child_process'

// A small detached process that outlives the bench only to clean up after
// it: once the bench's process is gone, however it ended (even SIGKILL,
// which tsx sends when a busy process does not answer a Ctrl-C in 60 ms),
// it kills the children listed in <dir>/children.json that are still
// ours (their command line names this run's folder or the bare server)
// and removes the folder. After a normal end it finds nothing to do.
const SCRIPT = `
const fs = require('node:fs')
const path = require('node:path')
const [parent, dir] = process.argv.slice(1)
const alive = (pid) => { try { process.kill(pid, 0); return true } catch (e) { return e.code === 'EPERM' } }
const ours = (pid) => {
  try {
    const cmd = fs.readFileSync('/proc/' + pid + '/cmdline', 'utf8')
    return cmd.includes(dir) || cmd.includes('bench/lib/bare-server.mjs')
  } catch { return false }
}
const timer = setInterval(() => {
  if (alive(Number(parent))) return
  clearInterval(timer)
  let pids = []
  try { pids = JSON.parse(fs.readFileSync(path.join(dir, 'children.json'), 'utf8')) } catch {}
  for (const pid of pids) if (ours(pid)) { try { process.kill(pid, 'SIGKILL') } catch {} }
  setTimeout(() => {
    try { fs.rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }) } catch {}
  }, 300)
}, 250)
`

export function startJanitor(dir: string): void {
  const child = spawn(process.execPath, ['-e', SCRIPT, String(process.pid), dir], {
    detached: true,
    stdio: 'ignore',
  })
  child.unref()
}
