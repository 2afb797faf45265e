import { defineErrorClass, TicketbridgeError, type TicketbridgeErrorOptions } from './ticketbridge-error'
import { redactText, redactUrl } from '../redaction/redact-text'

/** One way a response did not match what was expected, as zod reports it. */
export interface ResponseIssue {
  path: (string | number)[]
  message: string
}

/**
 * The vendor answered with success but the answer is unusable: HTML where JSON was due (often a
 * wrong base URL), or a body that does not match the expected schema.
 */
export class InvalidResponseError extends TicketbridgeError {
  declare static isInstance: (error: unknown) => error is InvalidResponseError
  readonly status?: number
  readonly url?: string
  readonly issues: ResponseIssue[]
  readonly bodyExcerpt?: string

  constructor(
    message: string,
    options: TicketbridgeErrorOptions & { status?: number; url?: string; issues?: ResponseIssue[]; body?: string } = {},
  ) {
    super(message, options)
    if (options.status !== undefined) this.status = options.status
    if (options.url !== undefined) this.url = redactUrl(options.url)
    this.issues = options.issues ?? []
    if (options.body !== undefined) this.bodyExcerpt = redactText(options.body.slice(0, 500))
  }
}
defineErrorClass(InvalidResponseError, 'InvalidResponseError')
