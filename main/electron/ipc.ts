import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron'
import { CHANNELS } from '../../shared/contract/names.js'
import type { Outcome } from '../../shared/contract/types.js'
import type { ConsoleCore } from '../console/console-core.js'
import { dispatch } from '../console/dispatch.js'
import { isAppUrl, type AppOrigin } from './guards.js'
import type { Windows } from './windows.js'

// A message counts only if it comes from the main frame of one of the
// app's own windows showing one of the app's own pages.
export function isTrustedSender(
  event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>,
  windows: Windows,
  origin: AppOrigin,
): boolean {
  const win = BrowserWindow.fromWebContents(event.sender)
  const frame = event.senderFrame
  if (!windows.has(win) || frame == null) return false
  return frame === event.sender.mainFrame && isAppUrl(frame.url, origin)
}

// Binds the console contract to IPC: one channel for requests (answered
// with an Outcome), one for events from main to the windows.
export function bindIpc(core: ConsoleCore, windows: Windows, origin: AppOrigin): () => void {
  ipcMain.handle(CHANNELS.request, async (event, name: unknown, payload: unknown) => {
    if (!isTrustedSender(event, windows, origin)) {
      const error = { code: 'unauthorized' as const, message: 'not one of the app’s windows' }
      return { ok: false, error } satisfies Outcome<never>
    }
    const windowId = BrowserWindow.fromWebContents(event.sender)?.id ?? null
    return dispatch(core.handlers, name, payload, { windowId })
  })
  const forward = (event: string, payload: unknown, windowId: number | null) => {
    const targets = windowId == null ? windows.all() : [windows.byId(windowId)]
    for (const win of targets) {
      if (win != null && !win.isDestroyed()) {
        win.webContents.send(CHANNELS.event, event, payload)
      }
    }
  }
  core.events.on('out', forward)
  return () => {
    ipcMain.removeHandler(CHANNELS.request)
    core.events.off('out', forward)
  }
}
