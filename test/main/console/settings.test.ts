import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { SecretBox } from '../../../main/console/platform.js'
import { SettingsFile, type SavedSession } from '../../../main/console/settings.js'
import { removeTempDirs, tempDir } from '../../support/temp-dir.js'

afterEach(removeTempDirs)

// A keyring of its own: sealed text is the text reversed behind a mark,
// and it opens only what it sealed itself.
function keyring(id: string): SecretBox {
  return {
    seal: (text) => `${id}:${[...text].reverse().join('')}`,
    open: (sealed) => {
      if (!sealed.startsWith(`${id}:`)) throw new Error('not sealed with this key')
      return [...sealed.slice(id.length + 1)].reverse().join('')
    },
  }
}

const session = (n: number): SavedSession => ({
  shopId: `shop-${n}`,
  url: `http://127.0.0.1:48${n}0`,
  name: `Shop ${n}`,
  buyerId: `B-${n}`,
  token: `secret-token-number-${n}`,
})

async function saveTwo(folder: string, secrets?: SecretBox): Promise<void> {
  const settings = await SettingsFile.open(folder, secrets)
  await settings.update((s) => {
    s.shops.push(session(1), session(2))
    s.activeShopId = 'shop-2'
  })
}

describe('the console settings file', () => {
  it('writes session tokens sealed where the system can seal them, and reads them back open', async () => {
    const folder = await tempDir('settings')
    await saveTwo(folder, keyring('k1'))

    const text = await readFile(join(folder, 'console.json'), 'utf8')
    expect(text).not.toContain('secret-token-number')
    expect(JSON.parse(text).shops[0]).toMatchObject({ shopId: 'shop-1', sealedToken: expect.any(String) })
    expect(JSON.parse(text).shops[0].token).toBeUndefined()

    const again = await SettingsFile.open(folder, keyring('k1'))
    expect(again.data.shops).toEqual([session(1), session(2)])
    expect(again.data.activeShopId).toBe('shop-2')
    expect(again.unsealable).toEqual([])
  })

  it('writes tokens as they are where nothing can seal them', async () => {
    const folder = await tempDir('settings')
    const none: SecretBox = { seal: () => null, open: () => { throw new Error('no keyring') } }
    await saveTwo(folder, none)

    const text = await readFile(join(folder, 'console.json'), 'utf8')
    expect(JSON.parse(text).shops[1]).toMatchObject({ token: 'secret-token-number-2' })
    expect((await SettingsFile.open(folder)).data.shops).toEqual([session(1), session(2)])
  })

  it('leaves out a session it cannot unseal and keeps the rest', async () => {
    const folder = await tempDir('settings')
    await saveTwo(folder, keyring('old'))
    // the first shop saved again under a new keyring; the second still
    // holds the old one's seal
    const stored = JSON.parse(await readFile(join(folder, 'console.json'), 'utf8'))
    stored.shops[0] = { ...stored.shops[0], sealedToken: keyring('new').seal(session(1).token) }
    await writeFile(join(folder, 'console.json'), JSON.stringify(stored))

    const settings = await SettingsFile.open(folder, keyring('new'))

    expect(settings.data.shops).toEqual([session(1)])
    expect(settings.unsealable).toEqual(['Shop 2'])
    // the active shop was the one left out
    expect(settings.data.activeShopId).toBeNull()
  })

  it('reads files of earlier versions, whose tokens were written as they are', async () => {
    const folder = await tempDir('settings')
    await saveTwo(folder)
    const text = await readFile(join(folder, 'console.json'), 'utf8')
    expect(JSON.parse(text).shops[0].token).toBe('secret-token-number-1')

    const sealing = await SettingsFile.open(folder, keyring('k1'))
    expect(sealing.data.shops).toEqual([session(1), session(2)])
    await sealing.update(() => undefined)
    expect(await readFile(join(folder, 'console.json'), 'utf8')).not.toContain('secret-token-number')
  })

  it('refuses a session that holds both a token and a sealed one', async () => {
    const folder = await tempDir('settings')
    await saveTwo(folder)
    const stored = JSON.parse(await readFile(join(folder, 'console.json'), 'utf8'))
    stored.shops[0].sealedToken = 'k1:x'
    await writeFile(join(folder, 'console.json'), JSON.stringify(stored))

    await expect(SettingsFile.open(folder, keyring('k1'))).rejects.toThrow()
  })
})
