import { redactUrl } from '../redaction/redact-text'
import { defineErrorClass, TicketbridgeError, type TicketbridgeErrorOptions } from './ticketbridge-error'

/** No answer came: connection refused or reset, DNS failure. Retryable for idempotent calls. */
export class NetworkError extends TicketbridgeError {
  declare static isInstance: (error: unknown) => error is NetworkError
  /** The system error code, such as `ECONNRESET`. */
  readonly code?: string
  readonly method?: string
  readonly url?: string
  readonly retryable: boolean = true

  constructor(message: string, options: TicketbridgeErrorOptions & { code?: string; method?: string; url?: string } = {}) {
    super(message, options)
    if (options.code !== undefined) this.code = options.code
    if (options.method !== undefined) this.method = options.method.toUpperCase()
    if (options.url !== undefined) this.url = redactUrl(options.url)
  }
}
defineErrorClass(NetworkError, 'NetworkError')
