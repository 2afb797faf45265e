import { ApiError, type ApiErrorOptions } from './api-error'
import { defineErrorClass } from './ticketbridge-error'

/** The record does not exist or is not visible to these credentials. */
export class NotFoundError extends ApiError {
  declare static isInstance: (error: unknown) => error is NotFoundError

  constructor(message: string, options: ApiErrorOptions) {
    super(message, { retryable: false, ...options })
  }
}
defineErrorClass(NotFoundError, 'NotFoundError')
