import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { resolve } from 'node:path'
import { WebSocketServer, type WebSocket } from 'ws'
import {
  BRIDGE_PATH,
  BridgeRequest,
  DialogAnswer,
  type EventName,
} from '../../shared/contract/index.js'
import type { Logger } from '../../server/logger.js'
import { ConsoleCore } from '../console/console-core.js'
import { dispatch } from '../console/dispatch.js'
import { HostPlatform } from './host-platform.js'
import { staticFiles } from './static-files.js'

export interface BrowserHostOptions {
  userData: string
  rendererDir: string
  port?: number
  logger?: Logger
}

export interface BrowserHost {
  url: string
  core: ConsoleCore
  close(): Promise<void>
}

// Serves the built renderer to a browser and carries the console contract
// over a WebSocket to the same ConsoleCore the Electron app runs. Each page
// is a "window". Loopback only, and only pages from this host may connect.
export async function startBrowserHost(opts: BrowserHostOptions): Promise<BrowserHost> {
  const platform = new HostPlatform()
  const core = await ConsoleCore.open({
    userData: opts.userData,
    platform,
    ...(opts.logger != null ? { logger: opts.logger } : {}),
  })
  const http = createServer(staticFiles(resolve(opts.rendererDir)))
  const wss = new WebSocketServer({ noServer: true, maxPayload: 256 * 1024 })
  const pages = new Map<number, WebSocket>()
  let origin = ''
  let nextId = 0

  const send = (ws: WebSocket, message: object) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message))
  }
  const sendEvent = (event: EventName, payload: unknown, windowId: number | null) => {
    const targets = windowId == null ? [...pages.values()] : [pages.get(windowId)]
    for (const ws of targets) if (ws != null) send(ws, { type: 'event', event, payload })
  }
  platform.attach({ send: sendEvent, has: (id) => pages.has(id) })
  core.events.on('out', sendEvent)

  http.on('upgrade', (req, socket, head) => {
    if (!sameOrigin(req, origin) || pathOf(req) !== BRIDGE_PATH) {
      socket.destroy()
      return
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const windowId = ++nextId
      pages.set(windowId, ws)
      ws.on('message', (data) => void onMessage(ws, windowId, String(data)))
      ws.on('close', () => {
        pages.delete(windowId)
        core.forgetWindow(windowId)
        platform.pageClosed(windowId)
      })
    })
  })

  async function onMessage(ws: WebSocket, windowId: number, text: string) {
    const req = parseRequest(text)
    if (req == null) return ws.close(1003, 'not a bridge request')
    if (req.name === 'dialog:answer') {
      const answer = DialogAnswer.safeParse(req.payload)
      if (answer.success) platform.answer(answer.data.dialogId, answer.data.button)
    }
    const outcome = await dispatch(core.handlers, req.name, req.payload, { windowId })
    send(ws, { type: 'reply', id: req.id, outcome })
  }

  await new Promise<void>((ok) => http.listen(opts.port ?? 0, '127.0.0.1', ok))
  const port = (http.address() as AddressInfo).port
  origin = `http://127.0.0.1:${port}`
  return {
    url: origin,
    core,
    close: async () => {
      for (const ws of pages.values()) ws.terminate()
      wss.close()
      await new Promise<void>((ok) => http.close(() => ok()))
      await core.close()
    },
  }
}

function parseRequest(text: string): BridgeRequest | null {
  try {
    const parsed = BridgeRequest.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

function pathOf(req: IncomingMessage): string {
  return new URL(req.url ?? '/', 'http://host').pathname
}

// A page from another web origin must not drive the console.
function sameOrigin(req: IncomingMessage, origin: string): boolean {
  const from = req.headers.origin
  if (from == null) return false
  const allowed = [origin, origin.replace('127.0.0.1', 'localhost')]
  return allowed.includes(from)
}
