import { NetworkError } from './network-error'
import { defineErrorClass, type TicketbridgeErrorOptions } from './ticketbridge-error'

/** The call took longer than its `timeoutMs`. Retryable for idempotent calls. */
export class TimeoutError extends NetworkError {
  declare static isInstance: (error: unknown) => error is TimeoutError
  readonly timeoutMs?: number

  constructor(message: string, options: TicketbridgeErrorOptions & { timeoutMs?: number; method?: string; url?: string } = {}) {
    super(message, { ...options, code: 'ETIMEDOUT' })
    if (options.timeoutMs !== undefined) this.timeoutMs = options.timeoutMs
  }
}
defineErrorClass(TimeoutError, 'TimeoutError')
