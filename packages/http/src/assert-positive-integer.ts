import { ConfigurationError } from '@ticketbridge/core'

/** Throws a ConfigurationError naming `option` unless `value` is a whole number above 0. */
export function assertPositiveInteger(value: number, option: string): void {
  if (!Number.isInteger(value) || value <= 0) {
    throw new ConfigurationError(`${option} must be a whole number above 0, got ${String(value)}.`, { option })
  }
}
