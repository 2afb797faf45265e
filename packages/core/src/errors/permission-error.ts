import { ApiError, type ApiErrorOptions } from './api-error'
import { defineErrorClass } from './ticketbridge-error'

/** The credentials are valid but lack the right or scope (HTTP 403 or a vendor denial). */
export class PermissionError extends ApiError {
  declare static isInstance: (error: unknown) => error is PermissionError

  constructor(message: string, options: ApiErrorOptions) {
    super(message, { retryable: false, ...options })
  }
}
defineErrorClass(PermissionError, 'PermissionError')
