import { RollingWindowBudget } from '@ticketbridge/http'
import { HttpResponse } from 'msw'
import type { HaloRateLimitOptions } from './halo-simulator-options'

/** Halo's 429 text as practitioners saw it on hosted instances (halo.md §6). */
export function haloRateLimitText(options: Pick<HaloRateLimitOptions, 'limit' | 'windowMs'>): string {
  const minutes = options.windowMs / 60_000
  const window = Number.isInteger(minutes) ? `${minutes} minute` : `${options.windowMs / 1000} second`
  return `Rate Limit Reached - ${options.limit} Requests per rolling ${window} window`
}

/** The server side of Halo's rolling request budget, one per simulator instance. */
export interface HaloRateLimit {
  /** Counts a request at `now`, or answers 429 when the window is full (rejected requests do not count). */
  admit(now: number): Response | undefined
  /** Requests counted in the window ending at `now`. */
  used(now: number): number
  /** Requests answered 429 since creation (or the last reset): what a client that keeps to the budget never sees. */
  refused(): number
  reset(): void
}

export function createHaloRateLimit(options: HaloRateLimitOptions | false): HaloRateLimit {
  if (options === false) return { admit: () => undefined, used: () => 0, refused: () => 0, reset: () => undefined }
  let budget = new RollingWindowBudget({ name: 'halo-rolling-window', limit: options.limit, windowMs: options.windowMs })
  let refused = 0
  return {
    admit(now) {
      const waitMs = budget.waitMs(now)
      if (waitMs === 0) {
        budget.record(now)
        return undefined
      }
      refused += 1
      const headers: Record<string, string> = { 'content-type': 'text/plain; charset=utf-8' }
      if (options.retryAfter) headers['retry-after'] = String(Math.max(1, Math.ceil(waitMs / 1000)))
      return new HttpResponse(haloRateLimitText(options), { status: 429, headers })
    },
    used: (now) => budget.used(now),
    refused: () => refused,
    reset() {
      refused = 0
      budget = new RollingWindowBudget({ name: 'halo-rolling-window', limit: options.limit, windowMs: options.windowMs })
    },
  }
}
