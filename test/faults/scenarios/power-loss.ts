import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  writeFileDurably,
  writeFilesDurably,
} from '../../../shared/storage/durable-file.js'
import { Journal } from '../../../server/store/journal.js'
import type { ScenarioResult } from '../lib/scenario.js'
import { FaultyFs } from '../../support/faulty-fs.js'
import { tempDir } from '../../support/temp-dir.js'
import { randomBetween } from '../../support/wait.js'

const WRITES = 300
const BATCHES = 100
const LINES = 2_000

// What survives a power cut depends only on the order in which data,
// names and folder entries reach the disk. Many writes are made through a
// file-system layer that records every call (some taking a few bytes at a
// time, as a nearly full disk does), and the order is checked for each:
// a snapshot file's bytes are fsynced before its rename, and the folder
// after it; in a checkpoint's batch, every file is fsynced before the
// first rename, and the folder is fsynced after the chunks are renamed
// and before any main file is; a journal line is written and fdatasynced before it is
// acknowledged, and a new segment's folder entry is fsynced first.
export async function powerLoss(): Promise<ScenarioResult> {
  const failures = [
    ...(await snapshotWrites()),
    ...(await batchWrites()),
    ...(await journalLines()),
  ]
  return {
    row: {
      scenario: 'power loss (recorded fs call order)', iterations: WRITES + BATCHES + LINES,
      acked: WRITES + BATCHES + LINES, lost: 0, duplicated: 0, inputsTried: WRITES + BATCHES + LINES,
      crashes: 0, notes: 'fsync before rename, folder fsync after (batches: chunks before main files); write+fdatasync before ack',
    },
    failures,
  }
}

async function snapshotWrites(): Promise<string[]> {
  const dir = await tempDir('fault-power')
  const failures: string[] = []
  for (let i = 0; i < WRITES; i++) {
    const fs = new FaultyFs()
    fs.fault = i % 3 === 0 ? 'short' : 'none'
    const target = join(dir, `doc-${i % 7}.json`)
    const text = 'x'.repeat(randomBetween(0, 20_000))
    await writeFileDurably(target, text, fs)
    const ops = fs.ops()
    const at = (prefix: string) => ops.findIndex((o) => o.startsWith(prefix))
    const lastWrite = ops.findLastIndex((o) => o.startsWith('write '))
    const sync = at('sync ')
    const rename = at('rename ')
    const folderSync = ops.indexOf(`sync ${dir}`)
    if (!(lastWrite < sync && sync < rename && rename < folderSync)) {
      failures.push(`write ${i}: calls out of order: ${ops.join(', ')}`)
    }
    if ((await readFile(target, 'utf8')) !== text) failures.push(`write ${i}: contents differ`)
  }
  return failures
}

async function batchWrites(): Promise<string[]> {
  const dir = await tempDir('fault-power-batch')
  const failures: string[] = []
  for (let i = 0; i < BATCHES; i++) {
    const fs = new FaultyFs()
    fs.fault = i % 3 === 0 ? 'short' : 'none'
    const file = (name: string) => ({ name, data: 'x'.repeat(randomBetween(0, 5_000)) })
    const chunks = Array.from({ length: randomBetween(0, 4) }, (_, k) => file(`B-${i}.t${k}.json`))
    const mains = Array.from({ length: randomBetween(1, 3) }, (_, k) => file(`B-${i}-${k}.json`))
    await writeFilesDurably(dir, [chunks, mains], fs)
    const ops = fs.ops()
    const lastSync = ops.findLastIndex((o) => o.startsWith('sync ') && o.endsWith('.tmp'))
    const renames = ops.flatMap((o, n) => (o.startsWith('rename ') ? [n] : []))
    const folderSyncs = ops.flatMap((o, n) => (o === `sync ${dir}` ? [n] : []))
    const lastChunk = renames[chunks.length - 1] ?? -1
    const firstMain = renames[chunks.length]!
    const ordered = lastSync < renames[0]! &&
      (chunks.length === 0 || folderSyncs.some((n) => n > lastChunk && n < firstMain)) &&
      folderSyncs.at(-1)! > renames.at(-1)!
    if (!ordered) failures.push(`batch ${i}: calls out of order: ${ops.join(', ')}`)
    for (const f of [...chunks, ...mains]) {
      if ((await readFile(join(dir, f.name), 'utf8')) !== f.data) {
        failures.push(`batch ${i}: ${f.name} differs`)
      }
    }
  }
  return failures
}

async function journalLines(): Promise<string[]> {
  const dir = await tempDir('fault-power-journal')
  const fs = new FaultyFs()
  const journal = await Journal.open(dir, 1, {}, fs)
  const failures: string[] = []
  let segment = join(dir, '000000000001.log')
  let lsn = 1
  while (lsn <= LINES) {
    if (randomBetween(0, 20) === 0) {
      segment = join(dir, `${String(lsn).padStart(12, '0')}.log`)
      void journal.rotate(lsn)
    }
    const batch = randomBetween(1, 30)
    const acks: Promise<void>[] = []
    for (let b = 0; b < batch && lsn <= LINES; b++, lsn++) {
      const mark = fs.calls.length
      const seg = segment
      acks.push(new Promise((resolve) => journal.append(`{"lsn":${lsn}}\n`, {
        resolve: () => {
          const since = fs.ops().slice(mark)
          const write = since.indexOf(`write ${seg}`)
          const sync = since.lastIndexOf(`datasync ${seg}`)
          if (write < 0 || sync < write) {
            failures.push(`acknowledged before write+datasync: ${since.join(', ')}`)
          }
          resolve()
        },
        reject: (err) => {
          failures.push(`line refused: ${err}`)
          resolve()
        },
      })))
    }
    await Promise.all(acks)
  }
  await journal.close()
  const opened = fs.ops().filter((o) => o.startsWith('open ') && o.endsWith('.log'))
  for (const o of opened.slice(1)) {
    const i = fs.ops().indexOf(o)
    if (fs.ops()[i + 2] !== `sync ${dir}`) failures.push(`new segment without folder fsync: ${o}`)
  }
  return failures
}
