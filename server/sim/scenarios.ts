import type { ScenarioInfo } from '../../shared/contract/operations.js'
import type { Processing } from '../../shared/protocol/schemas.js'
import { tradeState } from '../../shared/protocol/trade-state.js'
import { presentStatuses } from '../shop/advance.js'
import { placeRandomOrder, type SimBuyer } from './buyers.js'
import type { Random } from './random.js'
import type { Scheduler } from './scheduler.js'
import type { SimShop } from './sim-shop.js'

export interface ScenarioContext {
  shop: SimShop
  rng: Random
  clock: Scheduler
  buyers: SimBuyer[]
  // The trainee's own buyer account at this shop, for the drill.
  traineeBuyerId: string | null
  drill(buyerId: string): Promise<string>
  log(text: string): void
}

export interface ScenarioState {
  tradingIds: string[]
  present: Map<string, Processing>
  // Set when the trainee opened a stray update's warning.
  warningOpened: boolean
}

export interface Scenario extends ScenarioInfo {
  setup(ctx: ScenarioContext): Promise<string[]>
  reached(state: ScenarioState): boolean
}

function onlyTrade(state: ScenarioState): Processing | null {
  const id = state.tradingIds[0]
  return id == null ? null : state.present.get(id) ?? null
}

// Where the scenario's one trade stands as a whole, if it exists yet.
function onlyTradeState(state: ScenarioState) {
  const p = onlyTrade(state)
  return p == null ? null : tradeState(presentStatuses(p))
}

// The scenario's order: one to three products, paid by card.
async function newOrder(ctx: ScenarioContext): Promise<string> {
  const buyer = ctx.rng.pick(ctx.buyers)
  const id = await placeRandomOrder(ctx.shop, ctx.rng, buyer, 'card')
  if (id == null) throw new Error('the demo shop has nothing in stock')
  return id
}

async function move(ctx: ScenarioContext, tradingId: string, moves: Array<[string, string]>) {
  for (const [track, to] of moves) {
    const extra = to === 'shipped' ? { carrier: 'DHL', trackingNo: `JD${ctx.rng.int(10 ** 9, 10 ** 10 - 1)}` } : {}
    await ctx.shop.advance({ tradingId, track: track as never, to, ...extra }, 'training')
  }
}

export const SCENARIOS: readonly Scenario[] = [
  {
    id: 'first-order',
    title: 'First order to complete',
    description:
      'A buyer has just ordered. Prepare the order, ship it with a carrier and tracking number, and see it through delivery and payment.',
    goal: 'The trade is complete: order completed, parcel delivered, payment captured.',
    async setup(ctx) {
      const id = await newOrder(ctx)
      await move(ctx, id, [['payment', 'authorized']])
      ctx.log('A new order arrived and its card payment is authorized.')
      return [id]
    },
    reached: (s) => onlyTradeState(s) === 'complete',
  },
  {
    id: 'declined-payment',
    title: 'Declined payment',
    description:
      "The bank declined a buyer's card. Nothing may ship: cancel the order and its delivery so the stock goes back on the shelf.",
    goal: 'The trade is closed: order cancelled, delivery cancelled, payment failed.',
    async setup(ctx) {
      const id = await newOrder(ctx)
      await ctx.shop.advance(
        { tradingId: id, track: 'payment', to: 'failed', note: 'the card was declined by the bank' },
        'sim:gateway',
      )
      ctx.log('The payment gateway declined the card payment.')
      return [id]
    },
    reached: (s) => onlyTradeState(s) === 'closed',
  },
  {
    id: 'return-and-refund',
    title: 'Return and refund',
    description:
      'A parcel came back to the shop. Refund the buyer and cancel the order so the goods return to stock.',
    goal: 'The trade is closed with the payment refunded.',
    async setup(ctx) {
      const id = await newOrder(ctx)
      await move(ctx, id, [
        ['payment', 'authorized'],
        ['order', 'in_preparation'],
        ['order', 'ready'],
        ['delivery', 'shipped'],
        ['payment', 'captured'],
        ['delivery', 'in_transit'],
      ])
      await ctx.shop.advance(
        { tradingId: id, track: 'delivery', to: 'returned', note: 'refused at the door' },
        'sim:carrier',
      )
      ctx.log('The carrier brought the parcel back: the buyer refused it.')
      return [id]
    },
    reached: (s) => {
      const p = onlyTrade(s)
      return onlyTradeState(s) === 'closed' && p?.payment.status === 'refunded'
    },
  },
  {
    id: 'mismatch-drill',
    title: 'The mismatch drill',
    description:
      'A stray update for a trade nobody placed reaches your buyer window. Notice the warning and open it in the Warnings view.',
    goal: 'The trainee opened the warning about the stray update.',
    async setup(ctx) {
      if (ctx.traineeBuyerId == null) {
        throw new Error('open a buyer window on this shop and sign in first')
      }
      const id = await ctx.drill(ctx.traineeBuyerId)
      ctx.log(`A stray update for ${id} was sent to the trainee's buyer window.`)
      return []
    },
    reached: (s) => s.warningOpened,
  },
]

export function scenarioInfo(s: Scenario): ScenarioInfo {
  return { id: s.id, title: s.title, description: s.description, goal: s.goal }
}
