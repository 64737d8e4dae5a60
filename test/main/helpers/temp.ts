import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'

// A fresh folder under the system's temp folder per call, removed after
// the test that made it.
export function useTempFolders(): () => Promise<string> {
  const made: string[] = []
  afterEach(async () => {
    await Promise.all(
      made.splice(0).map((f) => rm(f, { recursive: true, force: true })),
    )
  })
  return async () => {
    const folder = await mkdtemp(join(tmpdir(), 'tradepost-test-'))
    made.push(folder)
    return folder
  }
}
