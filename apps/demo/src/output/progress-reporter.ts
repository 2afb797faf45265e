import cliProgress from 'cli-progress'
import { describeDuration } from './budget-eta'

/** Shows long work: a bar with count, rate and ETA in a terminal, a plain line now and then otherwise. */
export interface ProgressReporter {
  /** `eta` replaces the reporter's own (the pace so far), where the caller knows better: a rate limit. */
  update(done: number, total: number | undefined, detail?: string, eta?: string): void
  stop(): void
}

/** `ETA 2 min` from the pace so far. */
function paceEta(done: number, total: number | undefined, startedAt: number): string {
  if (total === undefined || done === 0) return 'ETA …'
  const seconds = ((Date.now() - startedAt) / 1000 / done) * Math.max(0, total - done)
  return `ETA ${describeDuration(seconds)}`
}

export function createProgressReporter(label: string, stream: NodeJS.WriteStream = process.stderr): ProgressReporter {
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        // `{timeLeft}`, not `{eta}`: cli-progress fills `{eta}` itself (its own pace estimate, in raw seconds).
        format: `${label.padEnd(12)} {bar} {value}/{total} | {rate}/s | {timeLeft} {detail}`,
        hideCursor: true,
        stream,
        etaBuffer: 50,
      },
      cliProgress.Presets.shades_classic,
    )
    let started = false
    const startedAt = Date.now()
    return {
      update(done, total, detail = '', eta = paceEta(done, total, startedAt)) {
        const rate = (done / Math.max(0.001, (Date.now() - startedAt) / 1000)).toFixed(1)
        if (!started) {
          bar.start(total ?? done, done, { rate, detail, timeLeft: eta })
          started = true
        }
        if (total !== undefined) bar.setTotal(total)
        bar.update(done, { rate, detail, timeLeft: eta })
      },
      stop() {
        if (started) bar.stop()
      },
    }
  }
  // Not a terminal (CI, a pipe): one line every 5 seconds at most, and the last one.
  let lastPrinted = 0
  let last: string | undefined
  const startedAt = Date.now()
  return {
    update(done, total, detail = '', eta = paceEta(done, total, startedAt)) {
      const seconds = (Date.now() - startedAt) / 1000
      last = `${label}: ${done}${total !== undefined ? `/${total}` : ''} (${(done / Math.max(0.001, seconds)).toFixed(1)}/s, ${eta})${detail ? ` ${detail}` : ''}`
      if (Date.now() - lastPrinted >= 5000) {
        stream.write(`${last}\n`)
        lastPrinted = Date.now()
        last = undefined
      }
    },
    stop() {
      if (last) stream.write(`${last}\n`)
      last = undefined
    },
  }
}
