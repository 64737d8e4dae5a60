// Runs tasks one at a time, in the order they were pushed. A task that
// fails does not stop the ones after it; its own promise rejects.
export class SerialQueue {
  #tail: Promise<void> = Promise.resolve()

  push(task: () => Promise<void>): Promise<void> {
    const run = this.#tail.then(task)
    this.#tail = run.catch(() => undefined)
    return run
  }

  // Resolves once every task pushed so far has settled.
  idle(): Promise<void> {
    return this.#tail
  }
}
