import { redactText } from '../redaction/redact-text'
import { defineErrorClass, TicketbridgeError, type TicketbridgeErrorOptions } from './ticketbridge-error'

/** The adapter's vendor cannot do this; its `capabilities` say so too. */
export class UnsupportedOperationError extends TicketbridgeError {
  declare static isInstance: (error: unknown) => error is UnsupportedOperationError
  /** The operation asked for, such as `people.create` or `comments.create(visibility: internal)`. */
  readonly operation: string

  constructor(operation: string, options: TicketbridgeErrorOptions & { reason?: string } = {}) {
    super(
      `${options.vendor ?? 'This adapter'} does not support ${operation}${options.reason ? `: ${options.reason}` : ''}. Check adapter.capabilities before calling it.`,
      options,
    )
    this.operation = redactText(operation)
  }
}
defineErrorClass(UnsupportedOperationError, 'UnsupportedOperationError')
