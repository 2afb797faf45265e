import { z } from 'zod'

/**
 * A rate limit as a number of requests in a rolling window, and where the figure comes from
 * (the vendor's documentation, or the budget the adapter was configured with). The migration's
 * preflight turns its request estimate into time with it.
 */
export const documentedRateLimitSchema = z.object({
  requests: z.number().int().positive(),
  windowMs: z.number().int().positive(),
  /** Where the figure comes from, for people: `Halo hosted: about 300 requests per rolling 5 minutes`. */
  source: z.string(),
})
export type DocumentedRateLimit = z.infer<typeof documentedRateLimitSchema>

/**
 * The seconds `requests` take at a budget, the pace a migration keeps to at best; undefined where
 * there is no budget. One formula for the preflight's estimate and the CLI's ETA.
 */
export function secondsAtRateLimit(requests: number, rateLimit: DocumentedRateLimit | undefined): number | undefined {
  return rateLimit ? (requests * rateLimit.windowMs) / 1000 / rateLimit.requests : undefined
}
