import { dialog, Notification } from 'electron'
import type { ConsolePlatform, DialogSpec } from '../console/platform.js'
import type { Windows } from './windows.js'

// Native dialogs attached to their window, desktop notifications, and new
// windows: the Electron side of ConsolePlatform.
export class ElectronPlatform implements ConsolePlatform {
  constructor(private readonly windows: Windows) {}

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

  async openBuyerWindow(): Promise<boolean> {
    this.windows.open('buyer')
    return true
  }
}
