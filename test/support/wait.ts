// Waits until `check` returns something other than null, undefined or
// false, trying it every `everyMs`; rejects after `timeoutMs` naming what
// it waited for. For waiting on a state to arrive, never to prove that
// something did not happen.
export async function waitFor<T>(
  what: string,
  check: () => T | null | undefined | false | Promise<T | null | undefined | false>,
  timeoutMs = 20_000,
  everyMs = 25,
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value != null && value !== false) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, everyMs))
  }
}

export function pause(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms))
}

export function randomBetween(min: number, max: number): number {
  return min + Math.floor(Math.random() * (max - min + 1))
}
