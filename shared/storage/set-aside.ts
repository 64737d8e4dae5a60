import { randomBytes } from 'node:crypto'
import { nodeFs, type FsLayer } from './fs-layer.js'

// Moves a damaged file out of the way under a name of its own, so it is
// kept for a person to look at and never overwritten: the suffix holds
// the time and a random part, so two files set aside in the same
// millisecond do not meet.
export async function setAside(
  path: string,
  label: string,
  fs: FsLayer = nodeFs,
): Promise<string> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  const movedTo = `${path}.${label}-${stamp}-${randomBytes(3).toString('hex')}`
  await fs.rename(path, movedTo)
  return movedTo
}
