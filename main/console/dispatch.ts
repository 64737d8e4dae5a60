import {
  Requests,
  type Outcome,
  type RequestName,
} from '../../shared/contract/index.js'
import { describeIssues } from '../../server/net/bind-requests.js'
import { toConsoleError } from './console-error.js'
import type { Handlers, RequestContext } from './console-core.js'

export function isRequestName(name: unknown): name is RequestName {
  return typeof name === 'string' && Object.hasOwn(Requests, name)
}

// Runs one request of the console contract, from either transport: the
// name must be one of the contract's, the payload must match its schema,
// and whatever happens the answer is an Outcome, never a throw.
export async function dispatch(
  handlers: Handlers,
  name: unknown,
  payload: unknown,
  ctx: RequestContext,
): Promise<Outcome<unknown>> {
  if (!isRequestName(name)) {
    return refuse(`there is no request ${String(name).slice(0, 40)}`)
  }
  const parsed = Requests[name].safeParse(payload ?? {})
  if (!parsed.success) return refuse(describeIssues(parsed.error))
  try {
    const handler = handlers[name] as (p: unknown, c: RequestContext) => unknown
    return { ok: true, value: await handler(parsed.data, ctx) }
  } catch (err) {
    return { ok: false, error: toConsoleError(err) }
  }
}

function refuse(message: string): Outcome<never> {
  return { ok: false, error: { code: 'invalid_request', message } }
}
