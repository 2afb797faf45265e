import { AbortError } from './abort-error'
import { ApiError } from './api-error'
import { AuthenticationError } from './authentication-error'
import { InvalidResponseError } from './invalid-response-error'
import { NetworkError } from './network-error'

/**
 * Whether a failure is the kind that passes: a rate limit (429), a server error (5xx, 408), a
 * dropped connection or a timeout, or an answer cut short in transit. Work that failed so is
 * worth trying again later; anything else (a refusal, a missing record, bad credentials, an
 * abort) fails the same way every time.
 */
export function isTransientError(error: unknown): boolean {
  if (AbortError.isInstance(error) || AuthenticationError.isInstance(error)) return false
  if (NetworkError.isInstance(error)) return error.retryable
  if (InvalidResponseError.isInstance(error)) return error.retryable === true
  return ApiError.isInstance(error) && error.retryable
}
