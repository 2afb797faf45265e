import { ApiError, type ApiErrorOptions } from './api-error'
import { defineErrorClass } from './ticketbridge-error'

/** Credentials were refused (HTTP 401 or a failed token request). Retryable once after re-authentication. */
export class AuthenticationError extends ApiError {
  declare static isInstance: (error: unknown) => error is AuthenticationError

  constructor(message: string, options: ApiErrorOptions) {
    super(message, { retryable: true, ...options })
  }
}
defineErrorClass(AuthenticationError, 'AuthenticationError')
