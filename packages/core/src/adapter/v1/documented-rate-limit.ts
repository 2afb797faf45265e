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
