import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'

const require = createRequire(import.meta.url)

// The first versions with the fix of each published advisory against the
// shop's transport (npm audit's advisory service cannot be reached from
// the build machines, so this checks the same thing offline).
const FIXED: Array<[string, string, string]> = [
  ['socket.io', '4.6.2', 'CVE-2024-38355: unhandled error event crashes the server'],
  ['engine.io', '6.5.2', 'CVE-2023-31125: uncaught exception on a crafted request'],
  ['socket.io-parser', '4.2.3', 'CVE-2023-32695: insufficient validation of packets'],
  ['ws', '8.17.1', 'CVE-2024-37890: crash on a request with many headers'],
]

function installed(name: string): string[] {
  // Every copy in the tree, not only the top one.
  const lock = JSON.parse(readFileSync(require.resolve('../../package-lock.json'), 'utf8'))
  return Object.entries(lock.packages as Record<string, { version?: string }>)
    .filter(([path]) => path === `node_modules/${name}` || path.endsWith(`/node_modules/${name}`))
    .map(([, p]) => p.version ?? '0.0.0')
}

function atLeast(version: string, min: string): boolean {
  const a = version.split('.').map(Number)
  const b = min.split('.').map(Number)
  for (let i = 0; i < 3; i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0)
  }
  return true
}

describe('transport dependencies', () => {
  it.each(FIXED)('%s is at %s or later everywhere (%s)', (name, min) => {
    const versions = installed(name)
    expect(versions.length).toBeGreaterThan(0)
    for (const v of versions) expect(atLeast(v, min), `${name}@${v}`).toBe(true)
  })
})
