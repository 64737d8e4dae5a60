import type {
  AdvanceRequest,
  Credentials,
  PlaceOrderRequest,
  Processing,
  Product,
  Trading,
} from '../../shared/protocol/schemas.js'

type Change = { trading: Trading; processing: Processing }

// What the simulators need of a shop: the same operations a buyer and a
// merchant have, and its change events. The real Shop provides them.
export interface SimShop {
  readonly events: {
    on(event: 'changed', listener: (change: Change) => void): unknown
    off(event: 'changed', listener: (change: Change) => void): unknown
  }
  register(creds: Credentials): Promise<{ buyerId: string; token: string }>
  products(): Product[]
  placeOrder(buyerId: string, req: PlaceOrderRequest): Promise<Trading>
  advance(req: AdvanceRequest, cause?: string): Promise<Processing>
}
