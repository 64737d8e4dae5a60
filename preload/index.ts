// The bridge between a window and main. It exposes the console contract on
// window.tradepost, one function per request plus `on` for events, and
// nothing else: no ipcRenderer, no Node.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { CHANNELS, REQUEST_NAMES } from '../shared/contract/names.js'
import type { ConsoleApi, EventName } from '../shared/contract/types.js'

const requests = Object.fromEntries(
  REQUEST_NAMES.map((name) => [
    name,
    (payload: unknown) => ipcRenderer.invoke(CHANNELS.request, name, payload),
  ]),
)

function on(event: EventName, listener: (payload: unknown) => void) {
  const handler = (_e: IpcRendererEvent, name: unknown, payload: unknown) => {
    if (name === event) listener(payload)
  }
  ipcRenderer.on(CHANNELS.event, handler)
  return () => {
    ipcRenderer.off(CHANNELS.event, handler)
  }
}

const api = { ...requests, on } as unknown as ConsoleApi
contextBridge.exposeInMainWorld('tradepost', api)
