import fc from 'fast-check'
import type { Socket } from 'socket.io-client'
import { httpInputs } from './fuzz-http.js'
import { malformed, type RequestShape } from './fuzz-payloads.js'

export interface FuzzCount {
  inputs: number
  crashes: number
}

const CODES = new Set([
  'invalid_request', 'unauthorized', 'unknown_product', 'out_of_stock',
  'not_found', 'illegal_transition', 'conflict', 'rate_limited',
  'unavailable', 'internal',
])

// The names on Object.prototype now, to tell later whether any were added.
export function prototypeNames(): string[] {
  return Object.getOwnPropertyNames(Object.prototype).sort()
}

function unpolluted(before: string[]): boolean {
  const probe = {} as Record<string, unknown>
  return probe.polluted === undefined &&
    JSON.stringify(prototypeNames()) === JSON.stringify(before)
}

// Sends `runs` malformed requests on `socket`; each must be answered
// invalid_request and leave Object.prototype alone.
export async function fuzzSocket(
  socket: Socket,
  shapes: RequestShape[],
  runs: number,
  count: FuzzCount,
  seed?: number,
): Promise<void> {
  const before = prototypeNames()
  await fc.assert(fc.asyncProperty(malformed(shapes), async (m) => {
    count.inputs += 1
    if (!socket.connected) {
      count.crashes += 1
      return false
    }
    const answer = await socket.timeout(5_000).emitWithAck(m.event, ...m.args)
      .catch((err: Error) => ({ lost: err.message }))
    return answer?.ok === false &&
      answer.error?.code === 'invalid_request' && unpolluted(before)
  }), { numRuns: runs, seed, endOnFailure: true })
}

// Sends `runs` generated HTTP requests; each gets a 4xx with an error
// body, except GET /health, which answers 200.
export async function fuzzHttp(
  url: string,
  runs: number,
  count: FuzzCount,
  seed?: number,
): Promise<void> {
  const before = prototypeNames()
  await fc.assert(fc.asyncProperty(httpInputs, async (input) => {
    count.inputs += 1
    let res: Response
    try {
      res = await fetch(`${url}${input.path}`, {
        method: input.method,
        headers: input.headers,
        body: input.body,
      })
    } catch {
      // A body past the limit may be cut off while it is still sent.
      return input.body != null && input.body.length > 16 * 1024
    }
    const text = await res.text()
    if (res.status >= 500) count.crashes += 1
    const health = input.method === 'GET' && new URL(res.url).pathname === '/health'
    if (health) return res.status === 200 && unpolluted(before)
    if (res.status < 400 || res.status >= 500) return false
    const body = JSON.parse(text) as { error?: { code?: string; message?: string } }
    return CODES.has(body.error?.code ?? '') &&
      typeof body.error?.message === 'string' && unpolluted(before)
  }), { numRuns: runs, seed, endOnFailure: true })
}
