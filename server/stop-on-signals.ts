// A command-line program's clean stop: on Ctrl-C or SIGTERM, say so, run
// `close` (which finishes pending writes) and exit.
export function stopOnSignals(close: () => Promise<void>): void {
  const stop = async (signal: string) => {
    console.error(`\n  ${signal}: finishing writes and stopping…`)
    await close()
    process.exit(0)
  }
  process.once('SIGINT', () => void stop('SIGINT'))
  process.once('SIGTERM', () => void stop('SIGTERM'))
}
