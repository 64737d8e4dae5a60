import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { writeFileDurably } from '../../../shared/storage/durable-file.js'
import { Journal } from '../../../server/store/journal.js'
import type { ScenarioResult } from '../lib/scenario.js'
import { FaultyFs } from '../../support/faulty-fs.js'
import { tempDir } from '../../support/temp-dir.js'
import { randomBetween } from '../../support/wait.js'

const WRITES = 300
const LINES = 2_000

// What survives a power cut depends only on the order in which data,
// names and folder entries reach the disk. Many writes are made through a
// file-system layer that records every call (some taking a few bytes at a
// time, as a nearly full disk does), and the order is checked for each:
// a snapshot file's bytes are fsynced before its rename, and the folder
// after it; a journal line is written and fdatasynced before it is
// acknowledged, and a new segment's folder entry is fsynced first.
export async function powerLoss(): Promise<ScenarioResult> {
  const failures = [...(await snapshotWrites()), ...(await journalLines())]
  return {
    row: {
      scenario: 'power loss (recorded fs call order)', iterations: WRITES + LINES,
      acked: WRITES + LINES, lost: 0, duplicated: 0, inputsTried: WRITES + LINES,
      crashes: 0, notes: 'fsync before rename, folder fsync after; write+fdatasync before ack',
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
