import { BrowserWindow, shell } from 'electron'
import { guardContents, type AppOrigin } from './guards.js'
import { secureWebPreferences } from './web-preferences.js'

export type WindowRole = 'welcome' | 'merchant' | 'buyer' | 'receipt'

// The app's windows. Only these may talk to main over IPC.
export class Windows {
  readonly #open = new Set<BrowserWindow>()

  constructor(
    private readonly origin: AppOrigin,
    private readonly preload: string,
  ) {}

  open(role: WindowRole, opts: { hidden?: boolean; hash?: string } = {}): BrowserWindow {
    const win = new BrowserWindow({
      width: 1280,
      height: 820,
      minWidth: 900,
      minHeight: 600,
      show: false,
      title: 'Tradepost',
      backgroundColor: '#f6f7f9',
      webPreferences: secureWebPreferences(this.preload),
    })
    this.#open.add(win)
    win.on('closed', () => this.#open.delete(win))
    if (opts.hidden !== true) win.once('ready-to-show', () => win.show())
    guardContents(win.webContents, this.origin, (url) => void shell.openExternal(url))
    const hash = opts.hash ?? (role === 'welcome' ? '' : `/${role}`)
    if (this.origin.devUrl != null) {
      void win.loadURL(`${this.origin.devUrl}#${hash}`)
    } else {
      void win.loadURL(`${this.origin.fileUrl}#${hash}`)
    }
    return win
  }

  has(win: BrowserWindow | null): win is BrowserWindow {
    return win != null && this.#open.has(win)
  }

  byId(id: number | null): BrowserWindow | null {
    if (id == null) return null
    return [...this.#open].find((w) => w.id === id) ?? null
  }

  all(): BrowserWindow[] {
    return [...this.#open]
  }
}
