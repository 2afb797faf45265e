import { ApiError, type ApiErrorOptions } from './api-error'
import { defineErrorClass } from './ticketbridge-error'

/** The vendor failed (HTTP 5xx that is not a disguised client error). Retryable. */
export class ServerError extends ApiError {
  declare static isInstance: (error: unknown) => error is ServerError

  constructor(message: string, options: ApiErrorOptions) {
    super(message, { retryable: true, ...options })
  }
}
defineErrorClass(ServerError, 'ServerError')
