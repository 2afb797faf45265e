import { secondsAtRateLimit, type TicketingAdapter } from '@ticketbridge/core'

/** One end of a migration as the ETA sees it: its requests so far and its vendor's budget. */
export interface MeteredSide {
  vendor: string
  rateLimit: TicketingAdapter['rateLimit']
  /** Requests sent so far in this run. */
  requests: number
  /** The preflight's estimate for the whole run, used until enough tickets are done to measure. */
  estimatedRequests: number
}

/** Tickets done before the measured requests per ticket replace the preflight's estimate. */
const ticketsToMeasure = 20

/** `300 requests / 5 min`, `10,000 requests / hour`: a budget as people say it. */
export function describeRateLimit(rateLimit: NonNullable<TicketingAdapter['rateLimit']>): string {
  const seconds = rateLimit.windowMs / 1000
  const window =
    seconds === 3600 ? 'hour' : seconds % 3600 === 0 ? `${seconds / 3600} h` : seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} s`
  return `${rateLimit.requests.toLocaleString('en-US')} requests / ${window}`
}

/** `45 s`, `12 min`, `3.5 h`: rounded the way a person reads a wait. */
export function describeDuration(seconds: number): string {
  if (seconds < 90) return `${Math.max(1, Math.round(seconds))} s`
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min`
  const hours = seconds / 3600
  return `${hours < 10 ? hours.toFixed(1) : Math.round(hours)} h`
}

/**
 * Of the ends given with their requests, the one whose budget takes longest, with its time;
 * undefined where no end has a budget (or a count).
 */
export function slowestAtBudget(
  sides: readonly { vendor: string; rateLimit: TicketingAdapter['rateLimit']; requests: number | undefined }[],
): { vendor: string; rateLimit: NonNullable<TicketingAdapter['rateLimit']>; seconds: number } | undefined {
  let slowest: { vendor: string; rateLimit: NonNullable<TicketingAdapter['rateLimit']>; seconds: number } | undefined
  for (const { vendor, rateLimit, requests } of sides) {
    if (!rateLimit || requests === undefined) continue
    const seconds = secondsAtRateLimit(requests, rateLimit) as number
    if (!slowest || seconds > slowest.seconds) slowest = { vendor, rateLimit, seconds }
  }
  return slowest
}

/**
 * What is left of the ticket phase, honestly: the remaining tickets times the requests a ticket
 * has cost each vendor so far (the preflight's estimate until enough are done), at each vendor's
 * budget, and never sooner than the pace seen so far. The slower end sets the time and is
 * named: under Halo's 300 requests per 5 minutes the budget, not the machine, decides.
 */
export function estimateTimeLeft(options: {
  done: number
  total: number
  elapsedSeconds: number
  sides: readonly MeteredSide[]
}): { seconds: number; boundBy?: MeteredSide } | undefined {
  const { done, total, elapsedSeconds, sides } = options
  const remaining = Math.max(0, total - done)
  if (remaining === 0) return { seconds: 0 }
  let seconds = done > 0 ? (elapsedSeconds / done) * remaining : 0
  let boundBy: MeteredSide | undefined
  for (const side of sides) {
    const perTicket = done >= ticketsToMeasure ? side.requests / done : total > 0 ? side.estimatedRequests / total : 0
    const atBudget = secondsAtRateLimit(perTicket * remaining, side.rateLimit)
    if (atBudget !== undefined && atBudget > seconds) {
      seconds = atBudget
      boundBy = side
    }
  }
  if (seconds === 0 && done === 0) return undefined
  return { seconds, ...(boundBy ? { boundBy } : {}) }
}

/** `ETA 12 min at halo's 300 requests / 5 min`, or `ETA 40 s` where no budget binds. */
export function describeTimeLeft(estimate: ReturnType<typeof estimateTimeLeft>): string {
  if (!estimate) return 'ETA …'
  if (estimate.seconds === 0) return 'ETA 0 s'
  const bound = estimate.boundBy?.rateLimit
  return `ETA ${describeDuration(estimate.seconds)}${bound && estimate.boundBy ? ` at ${estimate.boundBy.vendor}'s ${describeRateLimit(bound)}` : ''}`
}
