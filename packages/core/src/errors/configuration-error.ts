import { defineErrorClass, TicketbridgeError, type TicketbridgeErrorOptions } from './ticketbridge-error'

/** Bad settings or a misconfigured server address; thrown at construction, names the option. */
export class ConfigurationError extends TicketbridgeError {
  declare static isInstance: (error: unknown) => error is ConfigurationError
  /** The option path at fault, for example `auth.clientSecret` or `baseUrl`. */
  readonly option?: string

  constructor(message: string, options: TicketbridgeErrorOptions & { option?: string } = {}) {
    super(message, options)
    if (options.option !== undefined) this.option = options.option
  }
}
defineErrorClass(ConfigurationError, 'ConfigurationError')
