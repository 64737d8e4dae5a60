import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const made: string[] = []

export async function tempDir(label = 'tradepost'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `${label}-`))
  made.push(dir)
  return dir
}

export async function removeTempDirs(): Promise<void> {
  await Promise.all(made.splice(0).map((d) => rm(d, { recursive: true, force: true })))
}
