import {
  BRIDGE_PATH,
  HostMessage,
} from '../../../shared/contract/bridge.js'
import { REQUEST_NAMES } from '../../../shared/contract/schemas.js'
import type {
  ConsoleApi,
  EventName,
  Outcome,
} from '../../../shared/contract/types.js'

type Listener = (payload: unknown) => void

// The browser host's transport for the console contract: the same API
// object the Electron preload exposes, carried over one WebSocket. Only
// this file differs between the two; Electron never loads it.
export function connectBridge(): Promise<ConsoleApi> {
  const url = new URL(BRIDGE_PATH, location.href)
  url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:'
  const ws = new WebSocket(url)
  const waiting = new Map<number, (o: Outcome<unknown>) => void>()
  const listeners = new Map<string, Set<Listener>>()
  let next = 0

  ws.addEventListener('message', (e) => {
    const parsed = HostMessage.safeParse(JSON.parse(String(e.data)))
    if (!parsed.success) return
    const msg = parsed.data
    if (msg.type === 'reply') {
      waiting.get(msg.id)?.(msg.outcome as Outcome<unknown>)
      waiting.delete(msg.id)
      return
    }
    for (const l of listeners.get(msg.event) ?? []) l(msg.payload)
  })
  ws.addEventListener('close', () => {
    const lost = { code: 'unreachable', message: 'the console host went away' }
    for (const done of waiting.values()) done({ ok: false, error: lost } as Outcome<unknown>)
    waiting.clear()
  })

  const request = (name: string) => (payload: unknown) =>
    new Promise<Outcome<unknown>>((resolve) => {
      const id = next++
      waiting.set(id, resolve)
      ws.send(JSON.stringify({ type: 'request', id, name, payload }))
    })
  const api: Record<string, unknown> = {}
  for (const name of REQUEST_NAMES) api[name] = request(name)
  api.on = (event: EventName, listener: Listener) => {
    const set = listeners.get(event) ?? new Set<Listener>()
    set.add(listener)
    listeners.set(event, set)
    return () => set.delete(listener)
  }

  return new Promise((resolve, reject) => {
    ws.addEventListener('open', () => resolve(api as ConsoleApi))
    ws.addEventListener('error', () => reject(new Error('cannot reach the console host')))
  })
}
