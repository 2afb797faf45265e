import { defineErrorClass, TicketbridgeError } from './ticketbridge-error'

/** The caller's AbortSignal fired. Never retried. */
export class AbortError extends TicketbridgeError {
  declare static isInstance: (error: unknown) => error is AbortError
}
defineErrorClass(AbortError, 'AbortError')
