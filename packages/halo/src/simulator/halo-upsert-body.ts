import { haloError } from './halo-responses'
import { haloJson } from './halo-responses'
import type { HaloJson } from './halo-table'

/**
 * The records of a POST upsert body. The spec wants an array; a bare object is what some
 * callers send and Halo reportedly accepts (halo.md §3.1), so it is taken as one record (the
 * strict spec check has already refused it unless strict mode is off).
 */
export function upsertElements(body: unknown): unknown[] {
  if (Array.isArray(body)) {
    if (body.length === 0) throw haloError.exception('The request body holds no records.')
    return body
  }
  if (typeof body === 'object' && body !== null) return [body]
  throw haloError.exception('The request body must be a JSON array of records.')
}

/** Halo answers a one-record upsert with the saved object and a batch with the array (halo.md §3.1). */
export function upsertAnswer(records: HaloJson[]): Response {
  return haloJson(records.length === 1 ? records[0] : records)
}
