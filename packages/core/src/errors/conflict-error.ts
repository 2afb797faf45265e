import { ApiError, type ApiErrorOptions } from './api-error'
import { defineErrorClass } from './ticketbridge-error'

/** The record changed since it was read (an ETag mismatch) or the write collides with another. */
export class ConflictError extends ApiError {
  declare static isInstance: (error: unknown) => error is ConflictError

  constructor(message: string, options: ApiErrorOptions) {
    super(message, { retryable: false, ...options })
  }
}
defineErrorClass(ConflictError, 'ConflictError')
