/**
 * `@ticketbridge/core/errors`: every error class and helper, for packages that re-export them
 * (`export * from '@ticketbridge/core/errors'`). It re-exports the main entry by name rather than
 * bundling a second copy, so an error thrown by core is `instanceof` the class imported from here.
 */
export {
  AbortError,
  ApiError,
  AuthenticationError,
  ConfigurationError,
  ConflictError,
  createApiError,
  InvalidResponseError,
  isTransientError,
  NetworkError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  ServerError,
  TicketbridgeError,
  TimeoutError,
  UnsupportedOperationError,
  ValidationError,
} from '@ticketbridge/core'
export type { ApiErrorOptions, CreateApiErrorOptions, ResponseIssue, TicketbridgeErrorOptions, ValidationIssue } from '@ticketbridge/core'
