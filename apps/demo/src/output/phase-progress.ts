import type { TicketingAdapter } from '@ticketbridge/core'
import type { RequestMeter } from '@ticketbridge/http'
import { describeTimeLeft, estimateTimeLeft, type MeteredSide } from './budget-eta'
import { createProgressReporter } from './progress-reporter'
import type { RateLimitNotice } from './rate-limit-notice'

/** The requests a whole phase is expected to send each end; an end left out does not bind it (a dry run's target). */
export interface PhaseEstimate {
  source?: number
  target?: number
}

/**
 * One phase's progress line (the tickets, the verification) with an ETA at the vendors' budgets:
 * the requests each end has received since the phase started, per record done, times the
 * records left (the estimate until enough are done), and what holds it (`waiting 41 s for
 * halo's rate limit`) beside the count.
 */
export function createPhaseProgress(options: {
  label: string
  source: TicketingAdapter
  target: TicketingAdapter
  meters?: { source: RequestMeter; target: RequestMeter } | undefined
  notice?: RateLimitNotice | undefined
  estimate: () => PhaseEstimate | undefined
}): { start(): void; update(done: number, total: number | undefined, failed?: number): void; show(): void; stop(): void } {
  const reporter = createProgressReporter(options.label)
  let done = 0
  let total: number | undefined
  let failed = 0
  let startedAt = Date.now()
  const baseline = { source: 0, target: 0 }
  const timeLeft = (): string | undefined => {
    const { meters } = options
    const estimate = options.estimate()
    if (!meters || !estimate || total === undefined) return undefined
    const side = (end: 'source' | 'target'): MeteredSide[] => {
      const expected = estimate[end]
      if (expected === undefined) return []
      const adapter = options[end]
      return [{ vendor: adapter.vendor, rateLimit: adapter.rateLimit, requests: meters[end].requests - baseline[end], estimatedRequests: expected }]
    }
    return describeTimeLeft(
      estimateTimeLeft({ done, total, elapsedSeconds: (Date.now() - startedAt) / 1000, sides: [...side('source'), ...side('target')] }),
    )
  }
  const show = () => {
    const detail = [failed > 0 ? `${failed} failed` : '', options.notice?.describe() ?? ''].filter(Boolean).join(', ')
    reporter.update(done, total, detail, timeLeft())
  }
  return {
    /** Requests and time count from here: what came before (lookups, the listing) is not this phase's cost. */
    start() {
      startedAt = Date.now()
      baseline.source = options.meters?.source.requests ?? 0
      baseline.target = options.meters?.target.requests ?? 0
    },
    update(doneNow, totalNow, failedNow = 0) {
      done = doneNow
      total = totalNow
      failed = failedNow
      show()
    },
    show,
    stop: () => reporter.stop(),
  }
}
