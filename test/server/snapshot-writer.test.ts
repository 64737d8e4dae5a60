import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { afterEach, describe, expect, it } from 'vitest'
import { workerWriter } from '../../server/store/snapshot-writer.js'
import { removeTempDirs, tempDir } from '../support/temp-dir.js'

afterEach(removeTempDirs)

// The snapshot writer thread: the shop's default way of writing a
// checkpoint's files, off the event loop.

describe('the snapshot writer thread', () => {
  it('writes every file of every group and leaves no temporary file', async () => {
    const dir = await tempDir('writer')
    const writer = workerWriter()

    await writer.write(dir, [
      [{ name: 'a.t0.json', data: '{"chunk":0}' }, { name: 'b.t0.json', data: 'é' }],
      [{ name: 'a.json', data: new TextEncoder().encode('{"main":true}') }],
    ])
    await writer.close()

    expect((await readdir(dir)).sort()).toEqual(['a.json', 'a.t0.json', 'b.t0.json'])
    expect(await readFile(join(dir, 'a.t0.json'), 'utf8')).toBe('{"chunk":0}')
    expect(await readFile(join(dir, 'b.t0.json'), 'utf8')).toBe('é')
    expect(await readFile(join(dir, 'a.json'), 'utf8')).toBe('{"main":true}')
  })

  it('rejects with the error code of the failed call and keeps serving', async () => {
    const dir = await tempDir('writer')
    const writer = workerWriter()

    const missing = join(dir, 'no-such-folder')
    const failed = writer.write(missing, [[{ name: 'x.json', data: '{}' }]])
    await expect(failed).rejects.toMatchObject({ code: 'ENOENT' })
    await writer.write(dir, [[{ name: 'y.json', data: '{}' }]])

    expect(await readdir(dir)).toEqual(['y.json'])
  })

  it('waits in close for the writes under way', async () => {
    const dir = await tempDir('writer')
    const writer = workerWriter()
    const big = 'x'.repeat(4 * 1024 * 1024)

    const writes = Array.from({ length: 5 }, (_, i) =>
      writer.write(dir, [[{ name: `f${i}.json`, data: big }]]))
    await writer.close()

    expect((await readdir(dir)).length).toBe(5)
    await Promise.all(writes)
  })

  it('keeps the writes of several stores apart and in order', async () => {
    const dir = await tempDir('writer')
    const one = workerWriter()
    const two = workerWriter()

    const last = await Promise.all([
      one.write(dir, [[{ name: 'same.json', data: '1' }]]),
      two.write(dir, [[{ name: 'other.json', data: '2' }]]),
      one.write(dir, [[{ name: 'same.json', data: '3' }]]),
    ]).then(() => readFile(join(dir, 'same.json'), 'utf8'))

    expect(last).toBe('3')
    expect(await readFile(join(dir, 'other.json'), 'utf8')).toBe('2')
  })
})

describe('a snapshot writer whose thread cannot run', () => {
  it('writes the files on the main thread instead, those under way included', async () => {
    const dir = await tempDir('writer')
    const warnings: string[] = []
    const warned = (w: Error) => warnings.push(w.message)
    process.on('warning', warned)
    const writer = workerWriter(() =>
      new Worker('throw new Error("no threads here")', { eval: true }))

    await writer.write(dir, [[{ name: 'a.json', data: '1' }]])
    await writer.write(dir, [[{ name: 'b.json', data: '2' }]])
    await writer.close()
    process.off('warning', warned)

    expect((await readdir(dir)).sort()).toEqual(['a.json', 'b.json'])
    expect(warnings.join('\n')).toMatch(/written on the main thread.*no threads here/)
  })
})
