import { z } from 'zod'
import type { Socket } from 'socket.io-client'
import {
  Processing,
  Product,
  Trading,
  type BuyerClientEvents,
} from '../../shared/protocol/index.js'

// What the shop sends the buyer, parsed leniently (new fields are let
// through) before anything is stored, and the one way requests are made.

// Untyped on purpose: everything received is parsed at runtime anyway,
// and `ask` below pins the request names.
export type BuyerSocket = Socket

const Refusal = z.object({
  ok: z.literal(false),
  error: z.object({ code: z.string(), message: z.string() }),
})

function reply<S extends z.ZodRawShape>(shape: S) {
  return z.union([z.object({ ok: z.literal(true), ...shape }), Refusal])
}

// With feedInAnswer, the answer also carries the seqs of the order's two
// feed events and the first processing information (not pushed to the
// socket that ordered); a replayed order's answer does not.
export const PlaceReply = reply({
  trading: Trading,
  feed: z.object({ info: z.int().min(1), processing: z.int().min(1) }).optional(),
  processing: Processing.optional(),
})
export const CatalogReply = reply({ products: z.array(Product) })
// Events are parsed one by one, so one bad event does not lose a page.
export const SyncReply = reply({
  events: z.array(z.unknown()),
  lastSeq: z.int().min(0),
})

export const InfoPush = z.object({ seq: z.int().min(1), trading: Trading })
export const ProcessingPush = z.object({
  seq: z.int().min(1),
  processing: Processing,
})

// A request that got no usable answer, or that the shop refused: `code`
// is the shop's, or `offline`, `no_answer` or `invalid_reply`.
export class ShopRequestError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly payload?: unknown,
  ) {
    super(`[tradepost] ${message}`)
    this.name = 'ShopRequestError'
  }
}

// Sends one request and parses its answer with `schema`. Requests are
// only sent while connected: socket.io would otherwise buffer them and
// send them again on reconnect, next to the client's own resend.
export async function ask<S extends z.ZodType>(
  socket: BuyerSocket,
  event: keyof BuyerClientEvents,
  payload: object,
  schema: S,
  timeoutMs: number,
): Promise<z.infer<S>> {
  if (!socket.connected) {
    throw new ShopRequestError('offline', `${event} needs a connection`)
  }
  let raw: unknown
  try {
    raw = await socket.timeout(timeoutMs).emitWithAck(event, payload)
  } catch (cause) {
    const why = cause instanceof Error ? cause.message : String(cause)
    throw new ShopRequestError('no_answer', `${event} got no answer: ${why}`)
  }
  const parsed = schema.safeParse(raw)
  if (!parsed.success) {
    const why = z.prettifyError(parsed.error)
    throw new ShopRequestError('invalid_reply', `${event}: ${why}`, raw)
  }
  return parsed.data
}
