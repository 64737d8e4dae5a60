import type { Socket } from 'socket.io'
import type { z } from 'zod'
import type { WireError } from '../../shared/protocol/index.js'
import { ShopError, toWireError } from '../shop/errors.js'
import type { Logger } from '../logger.js'

type Handler<S extends z.ZodType> = (
  payload: z.output<S>,
) => Promise<object> | object

export type HandlerMap<Q extends Record<string, z.ZodType>> = {
  [K in keyof Q]: Handler<Q[K]>
}

// Binds each request event of a namespace to its handler: the payload is
// checked against the event's schema, the handler's result is the ack
// `{ok:true, ...result}`, and any refusal is the ack `{ok:false, error}`.
// A failure is always answered, never thrown across the socket.
// `stillAllowed` is asked before every request: when the credentials the
// socket came in with no longer work, the request is answered
// `unauthorized` and the socket closed.
export function bindRequests<Q extends Record<string, z.ZodType>>(
  socket: Socket,
  schemas: Q,
  handlers: HandlerMap<Q>,
  log: Logger,
  stillAllowed: () => boolean = () => true,
): void {
  const admitted = (reply: (r: object) => void): boolean => {
    if (stillAllowed()) return true
    reply({
      ok: false,
      error: { code: 'unauthorized', message: 'these credentials no longer work' },
    })
    setImmediate(() => socket.disconnect(true))
    return false
  }
  socket.onAny((event: string, ...args: unknown[]) => {
    const ack = args.at(-1)
    if (Object.hasOwn(schemas, event) || typeof ack !== 'function') return
    if (!admitted(ack as (r: object) => void)) return
    log.info({ event: event.slice(0, 60), code: 'invalid_request' }, 'request refused')
    ;(ack as (r: object) => void)({
      ok: false,
      error: { code: 'invalid_request', message: 'there is no such request here' },
    })
  })
  for (const event of Object.keys(schemas) as Array<keyof Q & string>) {
    socket.on(event as string, async (...args: unknown[]) => {
      const ack = args.at(-1)
      if (typeof ack !== 'function') {
        log.warn({ event }, 'request without acknowledgement ignored')
        return
      }
      const reply = ack as (r: object) => void
      if (!admitted(reply)) return
      try {
        const payload = parsePayload(schemas[event]!, args.slice(0, -1))
        const result = await handlers[event](payload)
        reply({ ok: true, ...result })
      } catch (err) {
        const error = toWireError(err)
        logRefusal(log, event, error, err)
        reply({ ok: false, error })
      }
    })
  }
}

function parsePayload<S extends z.ZodType>(schema: S, args: unknown[]) {
  if (args.length !== 1) {
    throw new ShopError('invalid_request', 'send exactly one payload object')
  }
  const parsed = schema.safeParse(args[0])
  if (!parsed.success) {
    throw new ShopError('invalid_request', describeIssues(parsed.error))
  }
  return parsed.data
}

export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`)
    .join('; ')
}

function logRefusal(
  log: Logger,
  event: string,
  error: WireError,
  err: unknown,
): void {
  if (error.code === 'internal') log.error({ event, err }, 'request failed')
  else log.info({ event, code: error.code }, 'request refused')
}
