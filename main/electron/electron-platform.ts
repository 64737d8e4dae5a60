import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { app, dialog, Notification, safeStorage } from 'electron'
import type { ConsolePlatform, DialogSpec, SecretBox } from '../console/platform.js'
import type { Windows } from './windows.js'

const RECEIPT_WAIT_MS = 15_000

// Run in the receipt window: resolves with what the page puts on
// <html data-receipt> ("ready" or "failed"), or "timeout".
const WAIT_FOR_RECEIPT = `new Promise((resolve) => {
  const started = Date.now()
  const look = () => {
    const mark = document.documentElement.dataset.receipt
    if (mark != null) return resolve(mark)
    if (Date.now() - started > ${RECEIPT_WAIT_MS}) return resolve('timeout')
    setTimeout(look, 25)
  }
  look()
})`

// Native dialogs attached to their window, desktop notifications, and new
// windows: the Electron side of ConsolePlatform.
export class ElectronPlatform implements ConsolePlatform {
  constructor(private readonly windows: Windows) {}

  // The OS keyring through safeStorage (usable once the app is ready). On
  // Linux without a keyring safeStorage falls back to a key written in
  // Chromium's own code ("basic_text"), which seals nothing: tokens are
  // then kept as they are rather than made to look protected.
  readonly secrets: SecretBox = {
    seal(text) {
      if (!safeStorage.isEncryptionAvailable()) return null
      if (process.platform === 'linux' &&
        safeStorage.getSelectedStorageBackend() === 'basic_text') return null
      return safeStorage.encryptString(text).toString('base64')
    },
    open(sealed) {
      return safeStorage.decryptString(Buffer.from(sealed, 'base64'))
    },
  }

  async showDialog(windowId: number | null, spec: DialogSpec): Promise<number> {
    const parent = this.windows.byId(windowId) ?? this.windows.all()[0] ?? null
    const options = {
      type: spec.kind === 'warning' ? ('warning' as const) : ('question' as const),
      title: spec.title,
      message: spec.message,
      detail: spec.detail,
      buttons: spec.buttons,
      defaultId: 0,
      cancelId: spec.buttons.length - 1,
      noLink: true,
    }
    const result =
      parent == null
        ? await dialog.showMessageBox(options)
        : await dialog.showMessageBox(parent, options)
    return result.response
  }

  notify(note: { title: string; body: string }): void {
    if (!Notification.isSupported()) return
    new Notification({ title: note.title, body: note.body }).show()
  }

  // Lays the receipt page out in a hidden window, prints it to PDF and
  // asks where to keep it.
  async printReceipt(tradingId: string): Promise<{ saved: string | null; printInPage: boolean }> {
    const win = this.windows.open('receipt', { hidden: true, hash: `/receipt/${encodeURIComponent(tradingId)}/pdf` })
    try {
      await new Promise<void>((resolve) => win.webContents.once('did-finish-load', () => resolve()))
      // The page fetches the trade, lays it out and says so.
      const outcome: unknown = await win.webContents.executeJavaScript(WAIT_FOR_RECEIPT, true)
      if (outcome !== 'ready') {
        throw new Error(outcome === 'failed'
          ? `the receipt of ${tradingId} could not be made: the trade could not be loaded`
          : `the receipt of ${tradingId} was not laid out within ${RECEIPT_WAIT_MS / 1000} s`)
      }
      const pdf = await win.webContents.printToPDF({ pageSize: 'A4', printBackground: true })
      const parent = this.windows.all().find((w) => w !== win) ?? null
      const options = {
        title: 'Save receipt',
        defaultPath: join(app.getPath('downloads'), `receipt-${tradingId}.pdf`),
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
      }
      const choice = parent == null
        ? await dialog.showSaveDialog(options)
        : await dialog.showSaveDialog(parent, options)
      if (choice.canceled || choice.filePath == null) return { saved: null, printInPage: false }
      await writeFile(choice.filePath, pdf)
      return { saved: choice.filePath, printInPage: false }
    } finally {
      win.destroy()
    }
  }

  async openBuyerWindow(): Promise<boolean> {
    this.windows.open('buyer')
    return true
  }
}
