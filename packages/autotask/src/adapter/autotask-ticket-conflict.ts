import { type CallOptions, ConflictError } from '@ticketbridge/core'
import type { AutotaskClient } from '../client/autotask-client'
import { invalidInput } from './autotask-input-resolver'
import { parseAutotaskTimestamp, toTimestamp } from './autotask-timestamp'

/**
 * Autotask has no conditional update. With `vendorOptions.autotask.ifUnmodifiedSince` (the
 * `updatedAt` the caller last read) the adapter reads the ticket just before writing and
 * refuses with ConflictError when it changed since: a narrow window instead of a silent overwrite.
 */
export async function checkAutotaskTicketUnmodified(
  client: AutotaskClient,
  ticketId: number,
  expected: unknown,
  options: CallOptions,
): Promise<void> {
  // Read as Autotask reads dates, UTC unless a zone is given: never in the machine's zone.
  const since = parseAutotaskTimestamp(expected)
  if (since === undefined)
    throw invalidInput('vendorOptions.autotask.ifUnmodifiedSince', 'must be an ISO 8601 timestamp (the updatedAt you last read)')
  const current = await client.tickets.get(ticketId, options)
  const changedAt = toTimestamp(current.lastActivityDate) ?? toTimestamp(current.lastTrackedModificationDateTime)
  if (changedAt !== undefined && Date.parse(changedAt) > since) {
    throw new ConflictError(
      `Ticket ${ticketId} changed at ${changedAt}, after ${new Date(since).toISOString()}; read it again and repeat the change.`,
      {
        status: 412,
        vendor: 'autotask',
        method: 'PATCH',
        url: '/Tickets',
      },
    )
  }
}
