import { AbortError, AuthenticationError, ConfigurationError, PermissionError } from '@ticketbridge/core'

/**
 * Errors that stop the whole run instead of failing one record: every further record would fail
 * the same way (refused credentials, missing rights, bad settings) or the caller asked to stop.
 */
export function isFatalError(error: unknown): boolean {
  return (
    AbortError.isInstance(error) || AuthenticationError.isInstance(error) || PermissionError.isInstance(error) || ConfigurationError.isInstance(error)
  )
}

export function rethrowIfFatal(error: unknown): void {
  if (isFatalError(error)) throw error
}
