import { redactText, redactValue } from '../redaction/redact-text'

/** Options every ticketbridge error accepts. */
export interface TicketbridgeErrorOptions {
  /** The vendor whose call failed (`halo`, `autotask`, `rt`, `memory`, …). */
  vendor?: string
  /** What caused this error. Must already be free of secrets: it is shown by `util.inspect`. */
  cause?: unknown
}

/**
 * The base of every error ticketbridge throws.
 *
 * Check errors with the static `isInstance` of a class rather than `instanceof`: it reads a
 * `Symbol.for` marker, so it also recognises errors thrown by a second copy of this package
 * (an ESM and a CJS build loaded side by side, or two versions in node_modules).
 */
export class TicketbridgeError extends Error {
  declare static isInstance: (error: unknown) => error is TicketbridgeError
  readonly vendor?: string
  declare readonly cause?: unknown

  constructor(message: string, options: TicketbridgeErrorOptions = {}) {
    // Redacted here as well: a caller that slipped a token into a message never leaks it.
    super(redactText(message))
    if (options.vendor !== undefined) this.vendor = options.vendor
    if (options.cause !== undefined) {
      Object.defineProperty(this, 'cause', { value: options.cause, enumerable: false, writable: true, configurable: true })
    }
  }

  /** Plain data for logs and reports: the message and the typed fields, never the cause object. */
  toJSON(): Record<string, unknown> {
    const json: Record<string, unknown> = { name: this.name, message: this.message }
    for (const [key, value] of Object.entries(this)) {
      if (value !== undefined) json[key] = redactValue(value)
    }
    return json
  }
}

/**
 * Gives an error class its name and a cross-package marker read by its static `isInstance`,
 * so `NotFoundError.isInstance(error)` holds for errors built by another copy of this package.
 */
export function defineErrorClass(errorClass: abstract new (...args: never[]) => TicketbridgeError, name: string): void {
  const marker = Symbol.for(`ticketbridge.error.${name}`)
  Object.defineProperty(errorClass.prototype, marker, { value: true, enumerable: false })
  Object.defineProperty(errorClass.prototype, 'name', { value: name, enumerable: false, writable: true, configurable: true })
  Object.defineProperty(errorClass, 'isInstance', {
    value: (error: unknown): boolean => typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[marker] === true,
    enumerable: false,
    configurable: true,
  })
}

defineErrorClass(TicketbridgeError, 'TicketbridgeError')
