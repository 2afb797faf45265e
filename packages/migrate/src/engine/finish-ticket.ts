import type { TicketCreateInput, TicketStatus } from '@ticketbridge/core'
import { migrateAttachments } from './migrate-attachments'
import type { TicketCommentsWritten } from './migrate-comments'
import { recordTicketRelations } from './migrate-relations'
import { migrateTimeEntries } from './migrate-time-entries'
import { tally } from './migration-context'
import { isFinalStatus, statusCategoryOf, type TicketPlan } from './plan-ticket'
import { recordTicketFailure, type SettledTicket } from './ticket-failure'
import type { TicketFingerprint } from './ticket-fingerprint'

/**
 * The last step of a ticket, once it is on the target and its comments were written: its files,
 * its time entries and relations, then its final status, then `completed` in the ledger with the
 * fingerprint verify compares. A comment that failed fails the ticket here, after its other
 * comments were recorded.
 */
export async function finishTicket(plan: TicketPlan, comments: TicketCommentsWritten & { total: number }): Promise<SettledTicket> {
  const { context, ticket, warnings, inlineImages, input } = plan
  const { ledger, target, runId, counts } = context
  const targetId = plan.targetId!
  try {
    if (comments.failure !== undefined) throw comments.failure
    const attachmentDigests = await migrateAttachments(context, ticket, targetId, inlineImages, plan.carriedFiles)
    const timeEntries = await migrateTimeEntries(
      context,
      plan.directory,
      ticket,
      targetId,
      plan.timeEntries ?? plan.timed?.listed,
      plan.timeEntriesCounted,
    )
    await recordTicketRelations(context, ticket)

    // The final status goes last, and again after replies: some vendors move a ticket on a reply
    // (RT opens a new ticket). One more request only for tickets that need it.
    const finalStatus = input.status
    const finalCategory = finalStatus ? statusCategoryOf(context, finalStatus) : undefined
    const wroteChildren = comments.created + (timeEntries?.created ?? 0) > 0
    // Already there: created in it with nothing after, moved there by its last comment, or adopted in it with nothing added.
    const createdInIt = plan.createStatus !== undefined && plan.createStatus === finalStatus && !wroteChildren
    const adoptedStatus = plan.adopted && !wroteChildren ? context.foundOnTarget.get(ticket.id)?.status : undefined
    const alreadyThere =
      createdInIt || comments.statusCarried || (adoptedStatus !== undefined && finalStatus !== undefined && statusMatches(adoptedStatus, finalStatus))
    if (finalStatus && finalCategory && !alreadyThere && (isFinalStatus(context, finalStatus) || (wroteChildren && finalCategory !== 'open'))) {
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
    await ledger.put({
      kind: 'ticket',
      sourceId: ticket.id,
      parentSourceId: null,
      targetId,
      state: 'completed',
      sourceUpdatedAt: ticket.updatedAt,
      runId,
      fingerprint: JSON.stringify(fingerprint),
    })
    await ledger.setWarnings(runId, 'ticket', ticket.id, warnings)
    tally(counts.tickets, plan.outcome)
    return { settled: plan.outcome, counts }
  } catch (error) {
    return { settled: await recordTicketFailure(context, ticket, warnings, error), counts }
  }
}

/** Whether a ticket's status is the one a selector names: by id, else by name, else by category. */
function statusMatches(status: TicketStatus, selector: NonNullable<TicketCreateInput['status']>): boolean {
  if (selector.id !== undefined) return status.id === selector.id
  if (selector.name !== undefined) return status.name.toLowerCase() === selector.name.toLowerCase()
  return selector.category !== undefined && status.category === selector.category
}
