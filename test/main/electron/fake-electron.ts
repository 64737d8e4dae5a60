// A stand-in for the `electron` module, for unit tests of the thin
// Electron glue only. It records what the glue asks of Electron.
import { EventEmitter } from 'node:events'

type Handler = (...args: any[]) => unknown

export class FakeWebContents extends EventEmitter {
  readonly sent: unknown[][] = []
  openHandler: ((d: { url: string }) => { action: string }) | null = null
  readonly mainFrame: { url: string }

  constructor(url: string) {
    super()
    this.mainFrame = { url }
  }

  setWindowOpenHandler(h: (d: { url: string }) => { action: string }) {
    this.openHandler = h
  }

  send(...args: unknown[]) {
    this.sent.push(args)
  }

  // what the page answers to executeJavaScript (the receipt's mark)
  pageAnswer: unknown = 'ready'
  readonly scripts: string[] = []
  readonly printed: unknown[] = []

  async executeJavaScript(code: string) {
    this.scripts.push(code)
    return this.pageAnswer
  }

  async printToPDF(options: unknown) {
    this.printed.push(options)
    return Buffer.from('%PDF-1.7 stand-in')
  }
}

let ids = 0
export class BrowserWindow extends EventEmitter {
  static all: BrowserWindow[] = []
  readonly id = ++ids
  readonly webContents = new FakeWebContents('')
  loaded: string | null = null

  constructor(readonly options: Record<string, any>) {
    super()
    BrowserWindow.all.push(this)
  }

  static fromWebContents(contents: unknown): BrowserWindow | null {
    return BrowserWindow.all.find((w) => w.webContents === contents) ?? null
  }

  static getFocusedWindow() {
    return null
  }

  async loadURL(url: string) {
    this.loaded = url
    this.webContents.mainFrame.url = url
  }

  destroyed = false

  isDestroyed() {
    return this.destroyed
  }

  destroy() {
    this.destroyed = true
    this.emit('closed')
  }

  show() {}
  focus() {}
}

export const ipcMain = {
  handlers: new Map<string, Handler>(),
  handle(channel: string, h: Handler) {
    this.handlers.set(channel, h)
  },
  removeHandler(channel: string) {
    this.handlers.delete(channel)
  },
}

export const dialog = {
  calls: [] as unknown[][],
  response: 0,
  async showMessageBox(...args: unknown[]) {
    this.calls.push(args)
    return { response: this.response, checkboxChecked: false }
  },
  saves: [] as unknown[][],
  savePath: null as string | null,
  async showSaveDialog(...args: unknown[]) {
    this.saves.push(args)
    return { canceled: this.savePath == null, filePath: this.savePath ?? undefined }
  },
}

export class Notification {
  static supported = true
  static shown: Array<{ title: string; body: string }> = []

  constructor(private readonly o: { title: string; body: string }) {}

  static isSupported() {
    return Notification.supported
  }

  show() {
    Notification.shown.push(this.o)
  }
}

// A stand-in keyring: "sealed" text is the text XORed with a key byte,
// so that a test can tell sealed from plain and open what it sealed.
export const safeStorage = {
  available: true,
  backend: 'gnome_libsecret',
  key: 0x5a,
  isEncryptionAvailable() {
    return this.available
  },
  getSelectedStorageBackend() {
    return this.backend
  },
  encryptString(text: string) {
    return Buffer.from(Buffer.from(text, 'utf8').map((b) => b ^ this.key))
  },
  decryptString(sealed: Buffer) {
    if (sealed.length === 0) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.')
    return Buffer.from(sealed.map((b) => b ^ this.key)).toString('utf8')
  },
}

export const shell = {
  opened: [] as string[],
  async openExternal(url: string) {
    this.opened.push(url)
  },
}

export const Menu = {
  buildFromTemplate: (t: unknown) => ({ template: t }),
  setApplicationMenu: () => undefined,
}

export const app = {
  getPath: (name: string) => `/home/user/${name}`,
}

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown) {
    this.exposed.set(key, api)
  },
}

export const ipcRenderer = Object.assign(new EventEmitter(), {
  invoked: [] as unknown[][],
  async invoke(...args: unknown[]) {
    this.invoked.push(args)
    return { ok: true, value: null }
  },
})
