import { mkdtemp, rm } from 'node:fs/promises'
import { rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

// One folder under the system temp dir for the whole run: cached seeds,
// working copies of shop data and buyers' trading folders. Removed at the
// end, on Ctrl-C and on a crash.
export class TempRoot {
  private constructor(readonly dir: string) {}

  static async make(): Promise<TempRoot> {
    return new TempRoot(await mkdtemp(join(tmpdir(), 'tradepost-bench-')))
  }

  sub(label: string): Promise<string> {
    return mkdtemp(join(this.dir, `${label}-`))
  }

  async remove(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 })
  }

  removeSync(): void {
    rmSync(this.dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 })
  }
}
