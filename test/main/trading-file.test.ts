import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  CorruptFileError,
  ForeignTradingFileError,
  TradingFile,
  normalizeServerUrl,
  tradingFileName,
} from '../../main/core/index.js'
import { BUYER, trading, tradeAt } from './helpers/trades.js'
import { useTempFolders } from './helpers/temp.js'

const SERVER = 'http://127.0.0.1:4820'
const tempFolder = useTempFolders()

async function open(folder: string, buyerId = BUYER, server = SERVER) {
  return TradingFile.open({ folder, server, buyerId })
}

describe('tradingFileName', () => {
  it('derives a safe name from the server and the buyer', () => {
    const name = tradingFileName('https://Shop.example:8443/a b/', BUYER)

    expect(name).toMatch(/^trading-shop-example-8443-a-20b-[0-9a-f]{10}-B-/)
    expect(name).toMatch(/^[A-Za-z0-9._-]+$/)
  })

  it('tells apart servers whose slugs look alike', () => {
    const a = tradingFileName('http://a.b:1', BUYER)
    const b = tradingFileName('http://a-b:1', BUYER)

    expect(a).not.toBe(b)
  })

  it('ignores a trailing slash', () => {
    expect(normalizeServerUrl(`${SERVER}/`)).toBe(SERVER)
  })
})

describe('TradingFile', () => {
  it('creates an empty file on first open', async () => {
    const folder = await tempFolder()

    const file = await open(folder)

    const saved = JSON.parse(await readFile(file.path, 'utf8'))
    expect(saved).toEqual({
      version: 1, server: SERVER, buyerId: BUYER, lastSeq: 0,
      trades: {}, orders: [], warnings: [],
    })
  })

  it('has the change on disk when an update resolves', async () => {
    const folder = await tempFolder()
    const file = await open(folder)
    const t = trading()

    await file.update((data) => {
      data.trades[t.tradingId] = tradeAt(t, { order: 'ready' }, 3)
      data.lastSeq = 3
    })

    const saved = JSON.parse(await readFile(file.path, 'utf8'))
    expect(saved.lastSeq).toBe(3)
    expect(saved.trades[t.tradingId].present.order.status).toBe('ready')
  })

  it('keeps every one of many concurrent updates', async () => {
    const folder = await tempFolder()
    const file = await open(folder)

    await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        file.update((data) => {
          const t = trading()
          data.lastSeq = Math.max(data.lastSeq, i + 1)
          data.trades[t.tradingId] = tradeAt(t, null)
        })),
    )
    await file.close()

    const reopened = await open(folder)
    expect(reopened.lastSeq).toBe(200)
    expect(Object.keys(reopened.data.trades)).toHaveLength(200)
  })

  it('reads back what it wrote after a reopen', async () => {
    const folder = await tempFolder()
    const t = trading()
    const first = await open(folder)
    await first.update((data) => {
      data.trades[t.tradingId] = tradeAt(t, { payment: 'captured' }, 2)
      data.lastSeq = 2
    })
    await first.close()

    const second = await open(folder)

    expect(second.lastSeq).toBe(2)
    const id = t.tradingId
    expect(second.data.trades[id]).toEqual(first.data.trades[id])
  })

  it('refuses to be opened twice at once', async () => {
    const folder = await tempFolder()
    const first = await open(folder)

    await expect(open(folder)).rejects.toThrow(/already open/)
    await first.close()
    await expect(open(folder)).resolves.toBeInstanceOf(TradingFile)
  })

  it('refuses updates once closed', async () => {
    const file = await open(await tempFolder())

    await file.close()

    await expect(file.update(() => undefined)).rejects.toThrow(/closed/)
  })

  it('keeps buyers and servers in separate files', async () => {
    const folder = await tempFolder()

    const a = await open(folder)
    const b = await open(folder, `B-${'1'.repeat(26)}`)
    const c = await open(folder, BUYER, 'http://127.0.0.1:4821')

    expect(new Set([a.path, b.path, c.path]).size).toBe(3)
  })

  describe('with a damaged file', () => {
    const valid = JSON.stringify({
      version: 1, server: SERVER, buyerId: BUYER, lastSeq: 0,
      trades: {}, orders: [], warnings: [],
    })

    it.each([
      ['garbage', 'not json at all \u0000\u0001'],
      ['a truncated file', valid.slice(0, valid.length - 7)],
      ['an empty file', ''],
      ['a file of another shape', JSON.stringify({ hello: 'world' })],
      ['another version', valid.replace('"version":1', '"version":2')],
      ['a negative cursor', valid.replace('"lastSeq":0', '"lastSeq":-1')],
    ])('moves %s aside untouched and throws', async (_, bytes) => {
      const folder = await tempFolder()
      const path = join(folder, tradingFileName(SERVER, BUYER))
      await writeFile(path, bytes)

      const opening = open(folder)

      const err = await opening.catch((e: unknown) => e)
      expect(err).toBeInstanceOf(CorruptFileError)
      const { movedTo } = err as CorruptFileError
      expect(await readFile(movedTo, 'utf8')).toBe(bytes)
      expect(await readdir(folder)).toEqual([movedTo.split('/').at(-1)])
    })

    it('starts afresh on the next open', async () => {
      const folder = await tempFolder()
      const path = join(folder, tradingFileName(SERVER, BUYER))
      await writeFile(path, '{')
      await open(folder).catch(() => undefined)

      const file = await open(folder)

      expect(file.lastSeq).toBe(0)
      expect(await readdir(folder)).toHaveLength(2)
    })
  })

  it('removes what a write killed half-way left beside it, but not a running process\'s', async () => {
    const folder = await tempFolder()
    const name = tradingFileName(SERVER, BUYER)
    const dead = `.${name}.2147483646.tmp`
    // this test's parent runs, so its half-written file may still be in use
    const live = `.${name}.${process.ppid}.tmp`
    const other = `.${tradingFileName(SERVER, `B-${'3'.repeat(26)}`)}.2147483646.tmp`
    for (const f of [dead, live, other]) await writeFile(join(folder, f), '{"half":')

    const file = await open(folder)

    expect(file.lastSeq).toBe(0)
    expect((await readdir(folder)).sort()).toEqual([live, other, name].sort())
  })

  it('refuses a file that belongs to another buyer', async () => {
    const folder = await tempFolder()
    const path = join(folder, tradingFileName(SERVER, BUYER))
    const other = `B-${'2'.repeat(26)}`
    await writeFile(path, JSON.stringify({
      version: 1, server: SERVER, buyerId: other, lastSeq: 0,
      trades: {}, orders: [], warnings: [],
    }))

    await expect(open(folder)).rejects.toBeInstanceOf(ForeignTradingFileError)
    expect(await readdir(folder)).toEqual([path.split('/').at(-1)])
  })
})
