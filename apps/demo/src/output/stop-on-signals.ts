import { setMaxListeners } from 'node:events'

/**
 * Ctrl-C and SIGTERM ask the work to stop instead of killing the process: the first aborts the
 * signal (requests in flight end, the ledger marks the run interrupted, the report is written),
 * a second exits at once. The ledger is crash-safe either way; the first only adds the report.
 */
export function stopOnSignals(say: (line: string) => void): { signal: AbortSignal; stop(): void } {
  const controller = new AbortController()
  // Every request in flight listens to this one signal (and lets go when it ends): not a leak.
  setMaxListeners(0, controller.signal)
  const onSignal = (name: NodeJS.Signals) => {
    if (controller.signal.aborted) {
      say(`\n${name} again: stopping at once. The ledger holds every finished step; run again with --resume.`)
      process.exit(130)
    }
    say(`\n${name}: stopping after the requests in flight, then writing the report (press Ctrl-C again to quit at once).`)
    controller.abort()
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  return {
    signal: controller.signal,
    stop() {
      process.off('SIGINT', onSignal)
      process.off('SIGTERM', onSignal)
    },
  }
}
