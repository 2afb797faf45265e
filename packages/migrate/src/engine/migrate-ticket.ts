import { isTransientError, type AdapterWarning, type Ticket, type TicketCreateInput, type TicketStatus } from '@ticketbridge/core'
import { buildTicketInput } from './build-ticket-input'
import { rethrowIfFatal } from './fatal-errors'
import { migrateAttachments } from './migrate-attachments'
import { migrateComments } from './migrate-comments'
import { recordTicketRelations } from './migrate-relations'
import { migrateTimeEntries, timeOnComments } from './migrate-time-entries'
import { externalIdStamp, type MigrationContext } from './migration-context'
import type { DirectoryResolver } from './resolve-directory'
import type { TicketFingerprint } from './ticket-fingerprint'
import { TicketInlineImages } from './ticket-inline-images'

/** `retry`: a transient failure (rate limit, 5xx, dropped connection, timeout); the run tries the ticket again later. */
export type TicketOutcome = 'created' | 'updated' | 'skipped' | 'failed' | 'retry'

const finalCategories = new Set(['resolved', 'closed'])

/**
 * Moves one ticket with its comments and files. Every write is bracketed by the ledger:
 * `pending` before it is sent, the target id after. Resuming a `pending` record first looks
 * for it in the target (tickets by external id, comments by text, files by name and size), so a
 * create whose answer was lost is never sent twice.
 */
export async function migrateTicket(context: MigrationContext, directory: DirectoryResolver, ticket: Ticket): Promise<TicketOutcome> {
  const { ledger, target, source, runId, counts } = context
  counts.tickets.read += 1
  const known = ledger.get('ticket', ticket.id)
  if (known?.state === 'skipped') {
    counts.tickets.skipped += 1
    return 'skipped'
  }
  if (known?.state === 'failed' && !context.retryFailed) {
    counts.tickets.failed += 1
    return 'failed'
  }
  const changed =
    known?.sourceUpdatedAt !== null && known?.sourceUpdatedAt !== undefined && Date.parse(ticket.updatedAt) > Date.parse(known.sourceUpdatedAt)
  if (known?.state === 'completed' && !changed) {
    counts.tickets.skipped += 1
    return 'skipped'
  }

  const warnings: AdapterWarning[] = [...(context.lookupWarnings.get(ticket.id) ?? [])]
  context.lookupWarnings.delete(ticket.id)
  const warn = (field: string, message: string) => warnings.push({ type: 'substituted', field, message })
  const stamp = externalIdStamp(source.vendor, ticket.id)
  const adopted = context.adoptedTickets.has(ticket.id)
  const outcome: TicketOutcome = known?.state === 'completed' ? 'updated' : adopted ? 'skipped' : 'created'
  const inlineImages = new TicketInlineImages(context, ticket)
  try {
    const input = await buildTicketInput(context, directory, ticket, warnings, warn, inlineImages)
    const finalStatus = input.status
    let targetId = known?.targetId ?? undefined
    if (targetId === undefined) {
      // Only a record whose answer may have been lost is looked up; a fresh one costs no extra request.
      // Looked up with its page (adopt-existing-tickets.ts) unless it came another way.
      const found = context.foundOnTarget.get(ticket.id)
      if (found !== undefined) targetId = found?.id
      else if (known?.state === 'pending' || known?.state === 'failed')
        targetId = (await target.tickets.findByExternalId(stamp, { signal: context.signal }))?.id
      if (targetId === undefined) {
        ledger.put({
          kind: 'ticket',
          sourceId: ticket.id,
          parentSourceId: null,
          targetId: null,
          state: 'pending',
          sourceUpdatedAt: null,
          runId,
          attempts: (known?.attempts ?? 0) + 1,
        })
        // Closed tickets are created open and closed last: on some vendors a reply reopens a ticket.
        const createStatus = finalStatus && finalCategories.has(statusCategoryOf(context, finalStatus)) ? { category: 'open' as const } : finalStatus
        const { record, warnings: createWarnings } = await target.tickets.create(
          { ...input, status: createStatus },
          { silent: true, signal: context.signal },
        )
        warnings.push(...createWarnings)
        targetId = record.id
      }
      // Created now or found on the target (a lost answer, an adopted ticket): recorded the same way.
      ledger.put({
        kind: 'ticket',
        sourceId: ticket.id,
        parentSourceId: null,
        targetId,
        state: 'created',
        sourceUpdatedAt: null,
        runId,
        createdByMigration: true,
      })
    } else if (known?.state === 'completed' && changed) {
      const { externalId: _externalId, createdAt: _createdAt, ...changes } = input
      const { warnings: updateWarnings } = await target.tickets.update(targetId, changes, { silent: true, signal: context.signal })
      warnings.push(...updateWarnings)
    }

    const timed = await timeOnComments(context, ticket)
    const comments = await migrateComments(context, directory, ticket, targetId, inlineImages, timed?.byComment)
    const attachmentDigests = await migrateAttachments(context, ticket, targetId, inlineImages)
    const timeEntries = await migrateTimeEntries(context, directory, ticket, targetId, timed?.listed)
    await recordTicketRelations(context, ticket)

    // The final status goes last (see above), and again after replies: some vendors move a ticket
    // on a reply (RT opens a new ticket). One more request only for tickets that need it.
    const finalCategory = finalStatus ? statusCategoryOf(context, finalStatus) : undefined
    const wroteChildren = comments.created + (timeEntries?.created ?? 0) > 0
    // An adopted ticket already in its final status, with nothing added, needs no request.
    const adoptedStatus = adopted && !wroteChildren ? context.foundOnTarget.get(ticket.id)?.status : undefined
    const alreadyThere = adoptedStatus !== undefined && finalStatus !== undefined && statusMatches(adoptedStatus, finalStatus)
    if (finalStatus && finalCategory && !alreadyThere && (finalCategories.has(finalCategory) || (wroteChildren && finalCategory !== 'open'))) {
      const { warnings: statusWarnings } = await target.tickets.update(targetId, { status: finalStatus }, { silent: true, signal: context.signal })
      warnings.push(...statusWarnings)
    }
    const fingerprint: TicketFingerprint = {
      statusCategory: ticket.status.category,
      ...(finalCategory && finalCategory !== ticket.status.category ? { targetStatusCategory: finalCategory } : {}),
      priorityLevel: ticket.priority.level,
      subject: ticket.subject,
      comments: comments.total,
      attachmentDigests: attachmentDigests.sort(),
      ...(timeEntries ? { timeEntries: timeEntries.totals } : {}),
    }
    ledger.put({
      kind: 'ticket',
      sourceId: ticket.id,
      parentSourceId: null,
      targetId,
      state: 'completed',
      sourceUpdatedAt: ticket.updatedAt,
      runId,
      fingerprint: JSON.stringify(fingerprint),
    })
    ledger.setWarnings(runId, 'ticket', ticket.id, warnings)
    counts.tickets[outcome] += 1
    return outcome
  } catch (error) {
    rethrowIfFatal(error)
    // A ticket that reached the target stays `created`, so any later run continues its comments
    // and files. One that never got there is `pending` after a transient failure (its create may
    // have landed: it is looked up before it is sent again, and any run retries it) and `failed`
    // after a lasting one (retried with --retry-failed).
    const transient = isTransientError(error)
    const previous = ledger.get('ticket', ticket.id)
    const reachedTarget = previous?.targetId !== null && previous?.targetId !== undefined
    ledger.put({
      kind: 'ticket',
      sourceId: ticket.id,
      parentSourceId: null,
      targetId: previous?.targetId ?? null,
      state: reachedTarget ? 'created' : transient ? 'pending' : 'failed',
      sourceUpdatedAt: null,
      runId,
      error: (error as Error).message,
    })
    ledger.setWarnings(runId, 'ticket', ticket.id, warnings)
    if (transient) {
      // What the lookup found before the failure may be out of date now: look again.
      context.foundOnTarget.delete(ticket.id)
      return 'retry'
    }
    counts.tickets.failed += 1
    return 'failed'
  }
}

/** Whether a ticket's status is the one a selector names: by id, else by name, else by category. */
function statusMatches(status: TicketStatus, selector: NonNullable<TicketCreateInput['status']>): boolean {
  if (selector.id !== undefined) return status.id === selector.id
  if (selector.name !== undefined) return status.name.toLowerCase() === selector.name.toLowerCase()
  return selector.category !== undefined && status.category === selector.category
}

function statusCategoryOf(context: MigrationContext, selector: NonNullable<TicketCreateInput['status']>): string {
  if (selector.category) return selector.category
  return context.targetLookups.statuses.find((status) => status.id === selector.id || status.name === selector.name)?.category ?? 'open'
}
