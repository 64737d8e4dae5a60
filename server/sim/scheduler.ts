// When the simulators act. The real one waits for the clock; the manual one
// lets a test (or a training replay) step time forward by hand, so the same
// seed gives the same story.
export interface Scheduler {
  now(): number
  after(ms: number, task: () => void | Promise<void>): void
  cancelAll(): void
}

export class RealScheduler implements Scheduler {
  #timers = new Set<NodeJS.Timeout>()

  now(): number {
    return Date.now()
  }

  after(ms: number, task: () => void | Promise<void>): void {
    const timer = setTimeout(() => {
      this.#timers.delete(timer)
      void Promise.resolve(task()).catch(() => undefined)
    }, ms)
    timer.unref()
    this.#timers.add(timer)
  }

  cancelAll(): void {
    for (const t of this.#timers) clearTimeout(t)
    this.#timers.clear()
  }
}

interface Due {
  at: number
  order: number
  task: () => void | Promise<void>
}

export class ManualScheduler implements Scheduler {
  #now = 0
  #due: Due[] = []
  #order = 0

  now(): number {
    return this.#now
  }

  after(ms: number, task: () => void | Promise<void>): void {
    this.#due.push({ at: this.#now + ms, order: this.#order++, task })
  }

  cancelAll(): void {
    this.#due = []
  }

  // Runs, in time order, every task due within the next `ms`, including
  // tasks those tasks schedule, awaiting each one.
  async advance(ms: number): Promise<void> {
    const end = this.#now + ms
    for (;;) {
      this.#due.sort((a, b) => a.at - b.at || a.order - b.order)
      const next = this.#due[0]
      if (next == null || next.at > end) break
      this.#due.shift()
      this.#now = next.at
      await next.task()
    }
    this.#now = end
  }

  get pending(): number {
    return this.#due.length
  }
}
