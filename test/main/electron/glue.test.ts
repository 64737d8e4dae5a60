import { EventEmitter } from 'node:events'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('electron', () => import('./fake-electron.js'))

const electron = await import('./fake-electron.js')
const { secureWebPreferences } = await import('../../../main/electron/web-preferences.js')
const { guardContents, isAppUrl } = await import('../../../main/electron/guards.js')
const { Windows } = await import('../../../main/electron/windows.js')
const { isTrustedSender, bindIpc } = await import('../../../main/electron/ipc.js')
const { ElectronPlatform } = await import('../../../main/electron/electron-platform.js')
const { CHANNELS } = await import('../../../shared/contract/names.js')

const origin = { fileUrl: 'file:///opt/tradepost/out/renderer/index.html', devUrl: null }

beforeEach(() => {
  electron.BrowserWindow.all = []
  electron.shell.opened = []
  electron.dialog.calls = []
  electron.dialog.saves = []
  electron.Notification.shown = []
  electron.ipcMain.handlers.clear()
})

describe('windows', () => {
  it('open with context isolation and sandbox on and Node off', () => {
    const windows = new Windows(origin, '/opt/tradepost/out/preload/index.cjs')

    const win = windows.open('merchant') as unknown as InstanceType<typeof electron.BrowserWindow>

    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      preload: '/opt/tradepost/out/preload/index.cjs',
    })
    expect(win.loaded).toBe(`${origin.fileUrl}#/merchant`)
  })

  it('uses the same preferences for every role', () => {
    expect(secureWebPreferences('p')).toEqual(secureWebPreferences('p'))
  })
})

describe('navigation guards', () => {
  it.each([
    ['file:///opt/tradepost/out/renderer/index.html#/buyer', true],
    ['file:///opt/tradepost/out/renderer/other.html', false],
    ['file:///etc/passwd', false],
    ['https://evil.example/opt/tradepost/out/renderer/index.html', false],
    ['not a url', false],
  ])('treats %s as an app page: %s', (url, expected) => {
    expect(isAppUrl(url, origin)).toBe(expected)
  })

  it('refuses navigation away and sends web links to the system browser', () => {
    const contents = new electron.FakeWebContents(origin.fileUrl)
    guardContents(contents as never, origin, (url) => electron.shell.opened.push(url))
    const prevented: string[] = []
    const navigate = (url: string) =>
      contents.emit('will-navigate', { preventDefault: () => prevented.push(url) }, url)

    navigate('https://example.com/help')
    navigate('javascript:alert(1)')
    navigate(`${origin.fileUrl}#/buyer`)

    expect(prevented).toEqual(['https://example.com/help', 'javascript:alert(1)'])
    expect(electron.shell.opened).toEqual(['https://example.com/help'])
  })

  it('denies every window.open', () => {
    const contents = new electron.FakeWebContents(origin.fileUrl)
    guardContents(contents as never, origin, (url) => electron.shell.opened.push(url))

    expect(contents.openHandler!({ url: 'https://example.com' })).toEqual({ action: 'deny' })
    expect(contents.openHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' })
    expect(electron.shell.opened).toEqual(['https://example.com'])
  })
})

describe('IPC', () => {
  function setup() {
    const windows = new Windows(origin, 'preload.cjs')
    const win = windows.open('buyer') as unknown as InstanceType<typeof electron.BrowserWindow>
    const calls: unknown[] = []
    const core = {
      handlers: { 'console:state': (p: unknown) => (calls.push(p), { shop: 'state' }) },
      events: new EventEmitter(),
    }
    bindIpc(core as never, windows, origin)
    const handler = electron.ipcMain.handlers.get(CHANNELS.request)!
    return { windows, win, core, calls, handler }
  }

  it('answers a request from an app window', async () => {
    const { win, handler } = setup()
    const event = { sender: win.webContents, senderFrame: win.webContents.mainFrame }

    expect(await handler(event, 'console:state', {})).toEqual({ ok: true, value: { shop: 'state' } })
  })

  it('rejects a request from an unknown sender, a subframe or another page', async () => {
    const { win, handler, calls } = setup()
    const stranger = new electron.FakeWebContents(origin.fileUrl)
    const senders = [
      { sender: stranger, senderFrame: stranger.mainFrame },
      { sender: win.webContents, senderFrame: { url: origin.fileUrl } },
      { sender: win.webContents, senderFrame: null },
    ]
    win.webContents.mainFrame.url = 'https://evil.example/'
    senders.push({ sender: win.webContents, senderFrame: win.webContents.mainFrame })

    for (const event of senders) {
      const res = (await handler(event, 'console:state', {})) as any
      expect(res.error.code).toBe('unauthorized')
      expect(isTrustedSender(event as never, new Windows(origin, 'p'), origin)).toBe(false)
    }
    expect(calls).toEqual([])
  })

  it('forwards events to the window they are for, or to all', () => {
    const { windows, core } = setup()
    const other = windows.open('merchant') as unknown as InstanceType<typeof electron.BrowserWindow>

    core.events.emit('out', 'ui:navigate', { view: 'buyer/warnings' }, other.id)
    core.events.emit('out', 'shop:status', { running: true }, null)

    expect(other.webContents.sent).toEqual([
      [CHANNELS.event, 'ui:navigate', { view: 'buyer/warnings' }],
      [CHANNELS.event, 'shop:status', { running: true }],
    ])
  })
})

describe('the Electron platform', () => {
  it('shows a warning dialog attached to the window it is for', async () => {
    const windows = new Windows(origin, 'p')
    windows.open('merchant')
    const buyer = windows.open('buyer')
    electron.dialog.response = 0
    const platform = new ElectronPlatform(windows)

    const button = await platform.showDialog(buyer.id, {
      kind: 'warning', title: 'T', message: 'M', detail: 'D', buttons: ['Show warnings', 'Dismiss'],
    })

    expect(button).toBe(0)
    const [parent, options] = electron.dialog.calls[0] as [unknown, any]
    expect(parent).toBe(buyer)
    expect(options).toMatchObject({ type: 'warning', message: 'M', buttons: ['Show warnings', 'Dismiss'], cancelId: 1 })
  })

  it('raises a desktop notification where the system supports them', () => {
    const platform = new ElectronPlatform(new Windows(origin, 'p'))
    platform.notify({ title: 'Trade T-01…', body: 'delivery shipped' })
    electron.Notification.supported = false
    platform.notify({ title: 'ignored', body: '' })
    electron.Notification.supported = true

    expect(electron.Notification.shown).toEqual([{ title: 'Trade T-01…', body: 'delivery shipped' }])
  })

  it('makes a receipt PDF once the page says it is laid out, and saves it where the user chose', async () => {
    const windows = new Windows(origin, 'p')
    windows.open('merchant')
    const folder = await mkdtemp(join(tmpdir(), 'receipt-'))
    electron.dialog.savePath = join(folder, 'receipt.pdf')
    const platform = new ElectronPlatform(windows)
    try {
      const printing = platform.printReceipt('T-1')
      const hidden = electron.BrowserWindow.all.at(-1)!
      expect(hidden.loaded).toMatch(/#\/receipt\/T-1\/pdf$/)
      hidden.webContents.emit('did-finish-load')

      expect(await printing).toEqual({ saved: electron.dialog.savePath, printInPage: false })
      expect(hidden.webContents.scripts[0]).toContain('dataset.receipt')
      expect(await readFile(electron.dialog.savePath, 'utf8')).toMatch(/^%PDF/)
      expect(hidden.destroyed).toBe(true)
    } finally {
      electron.dialog.savePath = null
      await rm(folder, { recursive: true, force: true })
    }
  })

  it('says why when the receipt page cannot lay the trade out, and asks for no file', async () => {
    const platform = new ElectronPlatform(new Windows(origin, 'p'))
    const printing = platform.printReceipt('T-2')
    const hidden = electron.BrowserWindow.all.at(-1)!
    hidden.webContents.pageAnswer = 'failed'
    hidden.webContents.emit('did-finish-load')

    await expect(printing).rejects.toThrow(/trade could not be loaded/)
    expect(hidden.webContents.printed).toEqual([])
    expect(electron.dialog.saves).toEqual([])
    expect(hidden.destroyed).toBe(true)
  })

  it('seals secrets with the keyring, and declines where there is none to speak of', () => {
    const { secrets } = new ElectronPlatform(new Windows(origin, 'p'))
    try {
      const sealed = secrets.seal('token-abc')
      expect(sealed).not.toBeNull()
      expect(sealed).not.toContain('token-abc')
      expect(secrets.open(sealed!)).toBe('token-abc')

      // Linux with no keyring: safeStorage's fixed-key fallback
      electron.safeStorage.backend = 'basic_text'
      expect(secrets.seal('token-abc')).toBe(process.platform === 'linux' ? null : sealed)
      electron.safeStorage.backend = 'gnome_libsecret'
      electron.safeStorage.available = false
      expect(secrets.seal('token-abc')).toBeNull()
    } finally {
      electron.safeStorage.available = true
      electron.safeStorage.backend = 'gnome_libsecret'
    }
  })
})
