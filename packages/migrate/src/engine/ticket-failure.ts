import { type AdapterWarning, isTransientError, type Ticket } from '@ticketbridge/core'
import { rethrowIfFatal } from './fatal-errors'
import { failureText } from './failure-text'
import { type MigrationContext, tally } from './migration-context'

/** `retry`: a transient failure (rate limit, 5xx, dropped connection, timeout); the run tries the ticket again later. */
export type TicketOutcome = 'created' | 'matched' | 'updated' | 'skipped' | 'failed' | 'retry'

/** A ticket done with for this attempt, and what it counted. */
export interface SettledTicket {
  settled: TicketOutcome
  counts: MigrationContext['counts']
}

/**
 * Records why a ticket failed, and answers what the run does with it. A ticket that reached the
 * target stays `created`, so any later run continues its comments and files. One that never got
 * there is `pending` after a transient failure (its create may have landed: it is looked up
 * before it is sent again, and any run retries it) and `failed` after a lasting one (retried
 * with --retry-failed). An error that stops the run (refused credentials, an abort) is thrown.
 */
export async function recordTicketFailure(
  context: MigrationContext,
  ticket: Ticket,
  warnings: readonly AdapterWarning[],
  error: unknown,
): Promise<TicketOutcome> {
  rethrowIfFatal(error)
  const { ledger, runId, counts } = context
  const transient = isTransientError(error)
  const previous = await ledger.get('ticket', ticket.id)
  const reachedTarget = previous?.targetId !== null && previous?.targetId !== undefined
  await ledger.put({
    kind: 'ticket',
    sourceId: ticket.id,
    parentSourceId: null,
    targetId: previous?.targetId ?? null,
    state: reachedTarget ? 'created' : transient ? 'pending' : 'failed',
    sourceUpdatedAt: null,
    runId,
    error: failureText(error),
  })
  await ledger.setWarnings(runId, 'ticket', ticket.id, [...warnings])
  if (transient) {
    // What the lookup found before the failure may be out of date now: look again.
    context.foundOnTarget.delete(ticket.id)
    return 'retry'
  }
  tally(counts.tickets, 'failed')
  return 'failed'
}
