import { z } from 'zod'

// The browser host carries the console contract over one WebSocket per
// page. A page sends requests; the host answers each by id and pushes the
// contract's events. This is the only part that differs from Electron IPC.

export const BRIDGE_PATH = '/bridge'

export const BridgeRequest = z.strictObject({
  type: z.literal('request'),
  id: z.int().min(0),
  name: z.string().max(60),
  payload: z.unknown(),
})

export const BridgeReply = z.object({
  type: z.literal('reply'),
  id: z.int(),
  outcome: z.unknown(),
})

export const BridgeEvent = z.object({
  type: z.literal('event'),
  event: z.string(),
  payload: z.unknown(),
})

export const HostMessage = z.discriminatedUnion('type', [BridgeReply, BridgeEvent])

export type BridgeRequest = z.infer<typeof BridgeRequest>
export type HostMessage = z.infer<typeof HostMessage>
