import type { DocumentedRateLimit } from '@ticketbridge/core'
import { haloDefaultRateLimit } from '../client/halo-client'
import type { HaloClientSettings } from '../client/halo-client-settings'

/** Halo's documented limit (halo.md §6): hosted instances allow about 300 requests per rolling 5 minutes. */
export const haloDocumentedRateLimit: DocumentedRateLimit = {
  requests: haloDefaultRateLimit.requests,
  windowMs: haloDefaultRateLimit.windowMs,
  source: 'Halo hosted: about 300 requests per rolling 5 minutes (halo.md)',
}

/**
 * The pace an adapter keeps to: the budget its client was given (Halo's documented one unless
 * configured); none where the client's limiter is turned off (`rateLimit: false`).
 */
export function haloConfiguredRateLimit(rateLimit: HaloClientSettings['rateLimit']): DocumentedRateLimit | undefined {
  if (rateLimit === false) return undefined
  return {
    requests: rateLimit?.requests ?? haloDocumentedRateLimit.requests,
    windowMs: rateLimit?.windowMs ?? haloDocumentedRateLimit.windowMs,
    source: haloDocumentedRateLimit.source,
  }
}
