import { InvalidResponseError } from '@ticketbridge/core'

/** The rows of one list answer, and the total Halo reported. */
export interface HaloListAnswer {
  rows: unknown[]
  /** `record_count`: all matches, not only this page's. */
  recordCount?: number
}

/**
 * Reads any of Halo's list shapes (halo.md §3.2): a bare JSON array (`/Agent`, `/Status`,
 * `/TicketType`, …), or a wrapper `{ record_count, <key>: [...] }` (`tickets`, `users`,
 * `clients`, …). For a wrapper without the expected key it takes the first array-valued
 * property, since Halo builds differ (`/Projects` lists under `tickets`).
 */
export function readHaloList(body: unknown, key: string, context: { path: string }): HaloListAnswer {
  if (Array.isArray(body)) return { rows: body }
  if (typeof body === 'object' && body !== null) {
    const record = body as Record<string, unknown>
    const recordCount = typeof record.record_count === 'number' && Number.isFinite(record.record_count) ? record.record_count : undefined
    const rows = Array.isArray(record[key]) ? record[key] : Object.values(record).find((value): value is unknown[] => Array.isArray(value))
    if (rows !== undefined) return { rows, ...(recordCount !== undefined ? { recordCount } : {}) }
    // A wrapper reporting zero matches may leave the list out entirely.
    if (recordCount === 0) return { rows: [], recordCount }
  }
  throw new InvalidResponseError(`Halo answered ${context.path} with neither a list nor { record_count, ${key} }. Check the resource URL.`, {
    vendor: 'halo',
    body: typeof body === 'string' ? body : JSON.stringify(body ?? null),
  })
}
