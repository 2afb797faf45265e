import type { ApiError, ApiErrorOptions } from './api-error'
import { ApiError as ApiErrorClass } from './api-error'
import { AuthenticationError } from './authentication-error'
import { ConflictError } from './conflict-error'
import { NotFoundError } from './not-found-error'
import { notFoundAdvice, safePath } from './not-found-advice'
import { PermissionError } from './permission-error'
import { RateLimitError } from './rate-limit-error'
import { ServerError } from './server-error'
import { ValidationError, type ValidationIssue } from './validation-error'

/** Everything the factory needs to pick and fill an error class. */
export interface CreateApiErrorOptions extends ApiErrorOptions {
  /** The vendor's own words, when its body carried a message. */
  vendorMessage?: string
  retryAfterMs?: number
  issues?: ValidationIssue[]
}

/**
 * The status-to-error factory every adapter and simulator uses: picks the error class from the
 * HTTP status. Vendors whose bodies contradict their status (RT REST 1.0's HTTP 200 errors,
 * Autotask's HTTP 500 validation errors) classify first and call the class they found directly.
 */
export function createApiError(options: CreateApiErrorOptions): ApiError {
  const { status } = options
  const where = [options.method?.toUpperCase(), options.url ? safePath(options.url) : undefined].filter(Boolean).join(' ')
  const said = options.vendorMessage ? `: ${options.vendorMessage.replace(/[.\s]+$/, '')}` : ''
  const vendor = options.vendor ?? 'the vendor'
  const message = (summary: string, advice: string) => `${summary} (HTTP ${status}${where ? ` on ${where}` : ''})${said}. ${advice}`

  if (status === 401) {
    return new AuthenticationError(message(`${vendor} refused the credentials`, 'Check the client id, secret, token or password.'), options)
  }
  if (status === 403) {
    return new PermissionError(message(`${vendor} denied access`, 'Grant the user or API application the right or scope this call needs.'), options)
  }
  if (status === 404 || status === 410) {
    const { summary, advice } = notFoundAdvice(options.url)
    return new NotFoundError(message(summary, advice), options)
  }
  if (status === 409 || status === 412) {
    return new ConflictError(message('The record changed or collides with another', 'Read it again and repeat the change.'), options)
  }
  if (status === 429) {
    return new RateLimitError(
      message(
        `${vendor} rate limit reached`,
        options.retryAfterMs !== undefined ? `Retry after ${Math.ceil(options.retryAfterMs / 1000)} s.` : 'Slow down and retry later.',
      ),
      options,
    )
  }
  if (status === 400 || status === 422) {
    return new ValidationError(message(`${vendor} refused the data`, 'Correct the fields named in issues.'), {
      ...options,
      issues: options.issues ?? [{ message: options.vendorMessage ?? `HTTP ${status}` }],
    })
  }
  if (status === 408) {
    return new ServerError(message('The server timed out waiting for the request', 'It is retried for idempotent calls.'), options)
  }
  if (status >= 500) {
    return new ServerError(message(`${vendor} failed`, 'It is retried for idempotent calls; if it persists, check the vendor status.'), options)
  }
  return new ApiErrorClass(message('Unexpected answer', 'See bodyExcerpt for details.'), options)
}
