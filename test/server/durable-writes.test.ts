import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  writeFileDurably,
  writeFilesDurably,
} from '../../shared/storage/durable-file.js'
import { Journal } from '../../server/store/journal.js'
import { FaultyFs } from '../support/faulty-fs.js'
import { removeTempDirs, tempDir } from '../support/temp-dir.js'

afterEach(removeTempDirs)

// What a power loss can leave behind depends only on the order in which
// bytes, names and folder entries reach the disk, so these tests record
// the calls the writers make and check that order.

function append(journal: Journal, line: string, fs: FaultyFs) {
  return new Promise<string[]>((resolve, reject) => {
    journal.append(line, {
      // the calls made by the time the line is acknowledged
      resolve: () => resolve(fs.ops()),
      reject,
    })
  })
}

describe('writeFileDurably', () => {
  it('writes and fsyncs a temp file, renames it, then fsyncs the folder', async () => {
    const dir = await tempDir('durable')
    const fs = new FaultyFs()
    const target = join(dir, 'doc.json')
    const tmp = join(dir, `.doc.json.${process.pid}.tmp`)

    await writeFileDurably(target, '{"a":1}', fs)

    expect(fs.ops()).toEqual([
      `open ${tmp}`,
      `write ${tmp}`,
      `sync ${tmp}`,
      `close ${tmp}`,
      `rename ${tmp} -> ${target}`,
      `open ${dir}`,
      `sync ${dir}`,
      `close ${dir}`,
    ])
    expect(await readFile(target, 'utf8')).toBe('{"a":1}')
  })

  it('keeps writing until every byte is out when the disk takes a few at a time', async () => {
    const dir = await tempDir('durable')
    const fs = new FaultyFs()
    fs.fault = 'short'
    const text = 'x'.repeat(1000)

    await writeFileDurably(join(dir, 'doc.json'), text, fs)

    expect(await readFile(join(dir, 'doc.json'), 'utf8')).toBe(text)
    expect(fs.ops((c) => c.op === 'write').length).toBeGreaterThan(5)
  })

  it.each(['full', 'short-then-full', 'read-only'] as const)(
    'leaves the old file whole and no temp file behind on a %s disk',
    async (fault) => {
      const dir = await tempDir('durable')
      const target = join(dir, 'doc.json')
      await writeFile(target, 'old contents')
      const fs = new FaultyFs()
      fs.fault = fault

      await expect(writeFileDurably(target, 'new contents', fs)).rejects.toThrow()

      expect(await readFile(target, 'utf8')).toBe('old contents')
      expect(await readdir(dir)).toEqual(['doc.json'])
    },
  )
})

describe('writeFilesDurably', () => {
  it('syncs every temp file before any rename, and renames a later group only after the folder holds the earlier one', async () => {
    const dir = await tempDir('durable')
    const fs = new FaultyFs()
    const tmp = (n: string) => join(dir, `.${n}.${process.pid}.tmp`)

    await writeFilesDurably(dir, [
      [{ name: 'a.t0.json', data: 'A' }, { name: 'b.t0.json', data: 'B' }],
      [{ name: 'a.json', data: 'a' }],
    ], fs)

    const ops = fs.ops()
    const lastSync = Math.max(...['a.t0.json', 'b.t0.json', 'a.json'].map((n) => ops.indexOf(`sync ${tmp(n)}`)))
    const firstRename = ops.findIndex((o) => o.startsWith('rename '))
    expect(lastSync).toBeGreaterThan(0)
    expect(lastSync).toBeLessThan(firstRename)
    expect(ops.slice(firstRename)).toEqual([
      `rename ${tmp('a.t0.json')} -> ${join(dir, 'a.t0.json')}`,
      `rename ${tmp('b.t0.json')} -> ${join(dir, 'b.t0.json')}`,
      `open ${dir}`, `sync ${dir}`, `close ${dir}`,
      `rename ${tmp('a.json')} -> ${join(dir, 'a.json')}`,
      `open ${dir}`, `sync ${dir}`, `close ${dir}`,
    ])
    expect(await readFile(join(dir, 'a.json'), 'utf8')).toBe('a')
  })

  it('changes nothing and leaves no temp file when the disk fills midway', async () => {
    const dir = await tempDir('durable')
    await writeFile(join(dir, 'a.json'), 'old')
    const fs = new FaultyFs()
    fs.fault = 'short-then-full'

    await expect(writeFilesDurably(dir, [
      [{ name: 'a.t0.json', data: 'x'.repeat(100) }],
      [{ name: 'a.json', data: 'new' }],
    ], fs)).rejects.toThrow()

    expect((await readdir(dir)).sort()).toEqual(['a.json'])
    expect(await readFile(join(dir, 'a.json'), 'utf8')).toBe('old')
  })
})

describe('the journal', () => {
  it('writes and fdatasyncs a line before acknowledging it', async () => {
    const dir = await tempDir('journal')
    const fs = new FaultyFs()
    const journal = await Journal.open(dir, 1, {}, fs)
    const segment = join(dir, '000000000001.log')
    fs.calls.length = 0

    const seen = await append(journal, '{"n":1}\n', fs)

    expect(seen).toEqual([`write ${segment}`, `datasync ${segment}`])
    await journal.close()
  })

  it('fsyncs the folder of a new segment before acknowledging a line in it', async () => {
    const dir = await tempDir('journal')
    const fs = new FaultyFs()
    const journal = await Journal.open(dir, 1, {}, fs)
    await append(journal, '{"n":1}\n', fs)
    fs.calls.length = 0
    const next = join(dir, '000000000002.log')

    const rotated = journal.rotate(2)
    const seen = await append(journal, '{"n":2}\n', fs)
    await rotated

    expect(seen).toEqual([
      `open ${next}`,
      `open ${dir}`,
      `sync ${dir}`,
      `close ${dir}`,
      `close ${join(dir, '000000000001.log')}`,
      `write ${next}`,
      `datasync ${next}`,
    ])
    await journal.close()
  })

  it('groups lines appended in one turn into one write and one fdatasync', async () => {
    const dir = await tempDir('journal')
    const fs = new FaultyFs()
    const journal = await Journal.open(dir, 1, {}, fs)
    fs.calls.length = 0

    await Promise.all([1, 2, 3].map((n) => append(journal, `{"n":${n}}\n`, fs)))

    expect(fs.ops((c) => c.op === 'write' || c.op === 'datasync')).toHaveLength(2)
    expect(await readFile(join(dir, '000000000001.log'), 'utf8'))
      .toBe('{"n":1}\n{"n":2}\n{"n":3}\n')
    await journal.close()
  })

  it('cuts a failed batch off and refuses it with every line queued behind it', async () => {
    const dir = await tempDir('journal')
    const fs = new FaultyFs()
    const failures: Error[] = []
    const journal = await Journal.open(dir, 1, {
      onFailure: (err) => failures.push(err),
    }, fs)
    await append(journal, '{"n":1}\n', fs)
    fs.fault = 'short-then-full'

    const outcomes = await Promise.allSettled([
      append(journal, '{"n":2}\n', fs),
      append(journal, '{"n":3}\n', fs),
    ])
    fs.fault = 'none'
    await append(journal, '{"n":4}\n', fs)

    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected'])
    expect(failures).toHaveLength(1)
    expect(await readFile(join(dir, '000000000001.log'), 'utf8'))
      .toBe('{"n":1}\n{"n":4}\n')
    await journal.close()
  })
})
