// The fault suite's knobs, from the environment. CI=true picks smaller
// defaults so the whole suite stays within a few minutes there.
const CI = process.env.CI === 'true'

function num(name: string, ci: number, local: number): number {
  const raw = process.env[name]
  if (raw == null || raw === '') return CI ? ci : local
  const n = Number(raw)
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a number, not ${raw}`)
  return n
}

export const config = {
  ci: CI,
  // server SIGKILLs in the crash scenario (at least 100 outside CI)
  serverKills: num('FAULT_KILLS', 30, 120),
  // SIGKILLs in the deliberately broken (ack before write) variant
  unsafeKills: num('FAULT_UNSAFE_KILLS', 15, 30),
  // client (trading core) SIGKILLs
  clientKills: num('FAULT_CLIENT_KILLS', 15, 50),
  // seconds of sustained load
  loadSeconds: num('FAULT_LOAD_SECONDS', 15, 60),
  // generated inputs per namespace and for HTTP
  fuzzRuns: num('FAULT_FUZZ_RUNS', 500, 2_000),
  // network faults injected by the flaky proxy
  networkFaults: num('FAULT_NETWORK_FAULTS', 40, 150),
  buyers: num('FAULT_BUYERS', 6, 10),
  // only these scenarios (comma-separated names), or all
  only: (process.env.FAULT_ONLY ?? '').split(',').filter((s) => s !== ''),
}
