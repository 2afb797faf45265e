import { type BatchWriteItem, createCommentsInBatch, runConcurrently, type Ticket } from '@ticketbridge/core'
import type { LedgerRecord } from '../ledger/migration-ledger'
import { type CarryBudget, carriedBytesPerBatch, planTicketFiles } from './carried-files'
import { createPlannedTickets } from './create-planned-tickets'
import { finishTicket } from './finish-ticket'
import { planComments, recordComments, type TicketComments, type TicketCommentsWritten } from './migrate-comments'
import { emptyCounts, type MigrationContext, tally } from './migration-context'
import { planTicket, settledByLedger, type TicketPlan } from './plan-ticket'
import { readTicketChildren, type TicketChildren } from './read-ticket-children'
import type { DirectoryResolver } from './resolve-directory'
import { recordTicketFailure, type SettledTicket } from './ticket-failure'

/**
 * Moves a batch of tickets in steps, so that every read and write the vendors take for many
 * records leaves in as few requests as they allow: the batch's comments, files and time read
 * together (readTicketChildren), each ticket planned (`concurrency` at once), the new ones created
 * together, every ticket's comments planned, all of the batch's comments created together, then
 * each ticket finished (files, time, status). `settle` hears each ticket once, as it is done with.
 */
export async function migrateTicketBatch(
  context: MigrationContext,
  directory: DirectoryResolver,
  tickets: readonly Ticket[],
  concurrency: number,
  settle: (ticket: Ticket, settled: SettledTicket) => void,
): Promise<void> {
  // Each ticket counts into its own tallies (read with its outcome), added to the run's once it settles.
  // The ledger's record of each ticket, read once for both steps that need it.
  const toPlan: { ticket: Ticket; context: MigrationContext; known: LedgerRecord | undefined }[] = []
  for (const ticket of tickets) {
    const own: MigrationContext = { ...context, counts: emptyCounts() }
    const known = await context.ledger.get('ticket', ticket.id)
    const settled = settledByLedger(own, ticket, known)
    if (settled) settle(ticket, settled)
    else toPlan.push({ ticket, context: own, known })
  }
  if (toPlan.length === 0) return
  let children: TicketChildren
  try {
    children = await readTicketChildren(
      context,
      toPlan.map(({ ticket }) => ticket),
    )
  } catch (error) {
    // The batch's reads failed together: so does each of its tickets (a transient failure is retried).
    for (const { ticket, context: own } of toPlan) settle(ticket, { settled: await recordTicketFailure(own, ticket, [], error), counts: own.counts })
    return
  }
  const plans: TicketPlan[] = []
  await runConcurrently(toPlan, concurrency, async ({ ticket, context: own, known }) => {
    const planned = await planTicket(own, directory, ticket, children, known)
    if ('settled' in planned) settle(ticket, planned)
    else plans.push(planned)
  })
  // Files small enough ride inside their ticket's or comment's create; what the batch holds of them in memory is bounded.
  const budget: CarryBudget = { bytesLeft: carriedBytesPerBatch }
  for (const [plan, error] of await planTicketFiles(plans, concurrency, budget)) {
    plans.splice(plans.indexOf(plan), 1)
    settle(plan.ticket, { settled: await recordTicketFailure(plan.context, plan.ticket, plan.warnings, error), counts: plan.context.counts })
  }
  for (const [plan, failure] of await createPlannedTickets(plans)) {
    plans.splice(plans.indexOf(plan), 1)
    settle(plan.ticket, failure)
  }
  const comments = new Map<TicketPlan, TicketComments>()
  await runConcurrently(plans, concurrency, async (plan) => {
    try {
      comments.set(plan, await planComments(plan, directory, plan.targetId!, budget))
    } catch (error) {
      // planComments throws while planning a comment: that one failed with its ticket.
      tally(plan.context.counts.comments, 'failed')
      settle(plan.ticket, { settled: await recordTicketFailure(plan.context, plan.ticket, plan.warnings, error), counts: plan.context.counts })
    }
  })
  const answers = await createBatchComments(context, comments)
  await runConcurrently([...comments.keys()], concurrency, async (plan) => {
    const { total } = comments.get(plan)!
    settle(plan.ticket, await finishTicket(plan, { total, ...answers.get(plan)! }))
  })
}

/** Every planned comment of the batch in one call (Halo: arrays of 100); answers each ticket's count and first failure. */
async function createBatchComments(
  context: MigrationContext,
  comments: Map<TicketPlan, TicketComments>,
): Promise<Map<TicketPlan, TicketCommentsWritten>> {
  const planned = [...comments].flatMap(([plan, { toCreate }]) => toCreate.map((comment) => ({ plan, comment })))
  let items: BatchWriteItem[] = []
  if (planned.length > 0) {
    try {
      items = await createCommentsInBatch(
        context.target,
        planned.map(({ comment }) => ({ ticketId: comment.targetTicketId, input: comment.input })),
        { silent: true, ...(context.signal ? { signal: context.signal } : {}) },
      )
    } catch (error) {
      // The call as a whole failed (a closed adapter, an abort): every comment of it did.
      items = planned.map(() => ({ ok: false, error }))
    }
  }
  // The batch answers in the order asked: each ticket's comments are a run of it.
  const answers = new Map<TicketPlan, TicketCommentsWritten>()
  let offset = 0
  for (const [plan, { toCreate }] of comments) {
    answers.set(plan, await recordComments(plan, toCreate, items.slice(offset, offset + toCreate.length)))
    offset += toCreate.length
  }
  return answers
}
