import { ApiError, type ApiErrorOptions } from './api-error'
import { defineErrorClass } from './ticketbridge-error'

/**
 * The vendor's rate limit or thread limit was hit (HTTP 429 or a vendor-specific answer).
 * `retryAfterMs` holds the delay it asked for, when it said.
 */
export class RateLimitError extends ApiError {
  declare static isInstance: (error: unknown) => error is RateLimitError

  constructor(message: string, options: ApiErrorOptions) {
    super(message, { retryable: true, ...options })
  }
}
defineErrorClass(RateLimitError, 'RateLimitError')
