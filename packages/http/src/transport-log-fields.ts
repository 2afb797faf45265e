import { AbortError, ApiError } from '@ticketbridge/core'

/**
 * Failures the caller is expected to handle (a lookup's 404, a validation refusal, a
 * cancellation) are logged at `info`; the rest (unreachable vendor, 5xx, refused
 * credentials, rate limits, unusable answers) at `error`.
 */
export function failureLogLevel(error: unknown): 'info' | 'error' {
  if (AbortError.isInstance(error)) return 'info'
  if (ApiError.isInstance(error) && error.status >= 400 && error.status < 500 && ![401, 403, 429].includes(error.status)) return 'info'
  return 'error'
}

/** The loggable part of an error: its name, message and typed fields, never its cause. */
export function describeError(error: unknown): Record<string, unknown> {
  if (typeof error === 'object' && error !== null && typeof (error as { toJSON?: unknown }).toJSON === 'function') {
    return (error as { toJSON(): Record<string, unknown> }).toJSON()
  }
  if (error instanceof Error) return { name: error.name, message: error.message }
  return { message: String(error) }
}
