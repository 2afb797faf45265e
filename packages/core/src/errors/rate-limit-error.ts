import { ApiError, type ApiErrorOptions } from './api-error'
import { defineErrorClass } from './ticketbridge-error'

/** The vendor's rate limit or thread limit was hit (HTTP 429 or a vendor-specific answer). */
export class RateLimitError extends ApiError {
  declare static isInstance: (error: unknown) => error is RateLimitError
  /** How long the vendor asked us to wait, from Retry-After or its body; unset when it did not say. */
  readonly retryAfterMs?: number

  constructor(message: string, options: ApiErrorOptions & { retryAfterMs?: number }) {
    super(message, { retryable: true, ...options })
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs
  }
}
defineErrorClass(RateLimitError, 'RateLimitError')
