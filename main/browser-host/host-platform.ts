import type { DialogRequest, EventName, Events } from '../../shared/contract/index.js'
import type { ConsolePlatform, DialogSpec } from '../console/platform.js'

export interface PageSender {
  // Sends an event to one page, or to every page when windowId is null.
  send<E extends EventName>(event: E, payload: Events[E], windowId: number | null): void
  has(windowId: number): boolean
}

// The browser host's stand-in for Electron's dialog, Notification and
// BrowserWindow: the page renders dialogs in itself and answers with
// dialog:answer; notifications show as toasts; windows open as tabs.
export class HostPlatform implements ConsolePlatform {
  #pending = new Map<string, { resolve: (button: number) => void; windowId: number | null }>()
  #next = 0
  #pages: PageSender | null = null

  attach(pages: PageSender): void {
    this.#pages = pages
  }

  showDialog(windowId: number | null, spec: DialogSpec): Promise<number> {
    const dialogId = `d${++this.#next}`
    const request: DialogRequest = { dialogId, ...spec }
    return new Promise((resolve) => {
      this.#pending.set(dialogId, { resolve, windowId })
      this.#pages?.send('ui:dialog', request, windowId)
    })
  }

  answer(dialogId: string, button: number): void {
    this.#pending.get(dialogId)?.resolve(button)
    this.#pending.delete(dialogId)
  }

  // A page that closes with a dialog open has dismissed it.
  pageClosed(windowId: number): void {
    for (const [id, p] of this.#pending) {
      if (p.windowId === windowId) this.answer(id, -1)
    }
  }

  notify(note: { title: string; body: string }): void {
    this.#pages?.send('ui:notify', note, null)
  }

  // The browser prints the receipt page itself.
  async printReceipt(): Promise<{ saved: string | null; printInPage: boolean }> {
    return { saved: null, printInPage: true }
  }

  async openBuyerWindow(): Promise<boolean> {
    this.#pages?.send('ui:openWindow', { hash: '#/buyer' }, null)
    return true
  }
}
