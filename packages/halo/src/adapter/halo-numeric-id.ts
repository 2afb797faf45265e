import { localValidationError } from '../client/halo-collection'

/**
 * A Halo id from the common model's string id: Halo numbers its records, so anything but a whole
 * number is refused here, naming the field, before a request is sent.
 */
export function requireNumericId(id: string, field: string, what: string): number {
  if (!/^\d+$/.test(id)) throw localValidationError(what, field, `${JSON.stringify(id)} is not a Halo id (a whole number)`)
  return Number(id)
}
