import { ApiError, type ApiErrorOptions } from './api-error'
import { defineErrorClass } from './ticketbridge-error'
import { redactText } from '../redaction/redact-text'

/** One reason a write was refused: the field at fault where known, and the vendor's words. */
export interface ValidationIssue {
  field?: string
  message: string
}

/**
 * The vendor (or our own input check, with status 0) refused the data: a missing required
 * field, a value not allowed, a malformed query. Not retryable without changing the input.
 */
export class ValidationError extends ApiError {
  declare static isInstance: (error: unknown) => error is ValidationError
  readonly issues: ValidationIssue[]

  constructor(message: string, options: ApiErrorOptions & { issues?: ValidationIssue[] }) {
    super(message, { retryable: false, ...options })
    // Vendors echo submitted values in their messages: issues are redacted like the message.
    this.issues = (options.issues ?? [{ message }]).map((issue) => ({ ...issue, message: redactText(issue.message) }))
  }
}
defineErrorClass(ValidationError, 'ValidationError')
