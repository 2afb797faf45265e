import { defineErrorClass, TicketbridgeError, type TicketbridgeErrorOptions } from './ticketbridge-error'
import { redactText, redactUrl } from '../redaction/redact-text'

/** One way a response did not match what was expected, as zod reports it. */
export interface ResponseIssue {
  path: (string | number)[]
  message: string
}

/**
 * The vendor answered with success but the answer is unusable: HTML where JSON was due (often a
 * wrong base URL), or a body that does not match the expected schema. `retryable` marks an
 * answer that was cut short in transit (JSON announced, JSON that ends early): the same
 * idempotent request may well succeed.
 */
export class InvalidResponseError extends TicketbridgeError {
  declare static isInstance: (error: unknown) => error is InvalidResponseError
  readonly status?: number
  readonly url?: string
  readonly issues: ResponseIssue[]
  readonly bodyExcerpt?: string
  readonly retryable: boolean

  constructor(
    message: string,
    options: TicketbridgeErrorOptions & { status?: number; url?: string; issues?: ResponseIssue[]; body?: string; retryable?: boolean } = {},
  ) {
    super(message, options)
    if (options.status !== undefined) this.status = options.status
    if (options.url !== undefined) this.url = redactUrl(options.url)
    this.issues = options.issues ?? []
    this.retryable = options.retryable ?? false
    if (options.body !== undefined) this.bodyExcerpt = redactText(options.body.slice(0, 500))
  }
}
defineErrorClass(InvalidResponseError, 'InvalidResponseError')
