import { NotFoundError, ValidationError } from '@ticketbridge/core'

const vendor = 'rt'

/** Something RT does not have, or does not show this user. `url` names where it was looked for. */
export function rtNotFound(what: string, url: string): NotFoundError {
  return new NotFoundError(`${what} does not exist in RT, or this user cannot see it. Check the id.`, { status: 404, vendor, method: 'GET', url })
}

/** A value RT would refuse, caught before anything was sent. */
export function rtInvalid(field: string, message: string): ValidationError {
  return new ValidationError(`Invalid ${field}: ${message}. Nothing was sent.`, { status: 0, vendor, issues: [{ field, message }] })
}

/** RT's ids are numbers: anything else names no record, and is answered without a request. */
export function rtNumericId(id: string, what: string, url: string): string {
  if (!/^\d+$/.test(id)) throw rtNotFound(`${what} ${id}`, url)
  return id
}
