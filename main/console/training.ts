import type { ScenarioInfo, TrainingRun } from '../../shared/contract/operations.js'
import type { Processing, Trading } from '../../shared/protocol/schemas.js'
import type { Shop } from '../../server/shop/shop.js'
import { Random } from '../../server/sim/random.js'
import { RealScheduler } from '../../server/sim/scheduler.js'
import {
  SCENARIOS,
  scenarioInfo,
  type Scenario,
  type ScenarioState,
} from '../../server/sim/scenarios.js'
import { ConsoleFailure } from './console-error.js'
import { demoBuyers } from '../../server/sim/demo-seed.js'

type Change = { trading: Trading; processing: Processing }

// Runs one training scenario at a time in the demo shop, and tells the
// trainee as soon as its goal is reached.
export class Training {
  #run: TrainingRun | null = null
  #scenario: Scenario | null = null
  #state: ScenarioState = { tradingIds: [], present: new Map(), warningOpened: false }
  #unfollow: (() => void) | null = null
  #clock = new RealScheduler()

  constructor(
    private readonly openShop: () => Promise<Shop>,
    // The buyer signed in at the demo shop from this console, if any.
    private readonly traineeBuyer: () => string | null,
    private readonly onProgress: (run: TrainingRun) => void,
  ) {}

  list(): ScenarioInfo[] {
    return SCENARIOS.map(scenarioInfo)
  }

  status(): TrainingRun | null {
    return this.#run
  }

  async start(scenarioId: string, seed = 7): Promise<TrainingRun> {
    const scenario = SCENARIOS.find((s) => s.id === scenarioId)
    if (scenario == null) throw new ConsoleFailure('not_found', `no scenario ${scenarioId}`)
    this.stop()
    const shop = await this.openShop()
    const run: TrainingRun = {
      scenarioId, title: scenario.title, goal: scenario.goal,
      startedAt: new Date().toISOString(), goalReached: false, reachedAt: null,
      tradingIds: [], log: [],
    }
    this.#run = run
    this.#scenario = scenario
    this.#state = { tradingIds: [], present: new Map(), warningOpened: false }
    this.#follow(shop)
    run.tradingIds = await scenario.setup({
      shop,
      rng: new Random(seed),
      clock: this.#clock,
      buyers: demoBuyers(shop),
      traineeBuyerId: this.traineeBuyer(),
      drill: (buyerId) => shop.drillMismatch(buyerId),
      log: (text) => this.#log(text),
    }).catch((err: unknown) => {
      this.stop()
      throw new ConsoleFailure('invalid_request', `the scenario cannot start: ${(err as Error).message}`)
    })
    this.#state.tradingIds = run.tradingIds
    for (const id of run.tradingIds) {
      const present = shop.store.state.trades.get(id)?.present
      if (present != null) this.#state.present.set(id, present)
    }
    this.#check()
    return run
  }

  // The trainee opened a stray update's warning.
  warningOpened(): void {
    this.#state.warningOpened = true
    this.#check()
  }

  stop(): void {
    this.#unfollow?.()
    this.#unfollow = null
    this.#clock.cancelAll()
    this.#run = null
    this.#scenario = null
  }

  #follow(shop: Shop): void {
    const onChange = ({ processing }: Change) => {
      if (!this.#state.tradingIds.includes(processing.tradingId)) return
      this.#state.present.set(processing.tradingId, processing)
      this.#check()
    }
    shop.events.on('changed', onChange)
    this.#unfollow = () => shop.events.off('changed', onChange)
  }

  #check(): void {
    const run = this.#run
    if (run == null || this.#scenario == null) return
    if (!run.goalReached && this.#scenario.reached(this.#state)) {
      run.goalReached = true
      run.reachedAt = new Date().toISOString()
      this.#log('Goal reached.')
      return
    }
    this.onProgress({ ...run })
  }

  #log(text: string): void {
    const run = this.#run
    if (run == null) return
    run.log = [...run.log, { at: new Date().toISOString(), text }]
    this.onProgress({ ...run })
  }
}
