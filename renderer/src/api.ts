import type {
  ConsoleApi,
  EventName,
  Events,
  Outcome,
  Payload,
  Replies,
} from '../../shared/contract/types.js'
import type { RequestName } from '../../shared/contract/schemas.js'

declare global {
  interface Window {
    // Put there by the Electron preload; absent in the browser host.
    tradepost?: ConsoleApi
  }
}

let current: ConsoleApi | null = null

// The console API: the preload's in Electron, otherwise the browser host's
// WebSocket bridge (imported lazily so Electron never loads it).
export async function connectApi(): Promise<ConsoleApi> {
  if (current != null) return current
  const preloaded: ConsoleApi | undefined = window.tradepost
  const connected: ConsoleApi = preloaded != null
    ? preloaded
    : await import('./bridge/ws-bridge.js').then((m) => m.connectBridge())
  current = connected
  return connected
}

export function api(): ConsoleApi {
  if (current == null) throw new Error('[tradepost] the console API is not connected yet')
  return current
}

// Calls one request; a transport failure becomes an ordinary Outcome so
// callers handle a single shape.
export async function request<N extends RequestName>(
  name: N,
  payload: Payload<N>,
): Promise<Outcome<Replies[N]>> {
  try {
    const fn = api()[name] as (p: Payload<N>) => Promise<Outcome<Replies[N]>>
    return await fn(payload)
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err)
    return { ok: false, error: { code: 'unreachable', message } }
  }
}

export function subscribe<E extends EventName>(
  event: E,
  listener: (payload: Events[E]) => void,
): () => void {
  return api().on(event, listener)
}
