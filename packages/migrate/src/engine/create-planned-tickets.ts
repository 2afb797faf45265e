import { type BatchWriteItem, createTicketsInBatch } from '@ticketbridge/core'
import { recordCarriedFiles } from './carried-files'
import { isFatalError } from './fatal-errors'
import { recordPlaced, type TicketPlan } from './plan-ticket'
import { recordTicketFailure, type SettledTicket } from './ticket-failure'

/**
 * Creates the planned tickets that are not on the target yet, together: one array request where
 * the target takes arrays (Halo: 100 a request), else one each, without reading them back. Each
 * is `pending` in the ledger before the request leaves, so a crash between the send and the
 * answer leaves them to be looked up by their external id, never sent twice. Answers the tickets
 * that failed; the others now have their target id.
 */
export async function createPlannedTickets(plans: readonly TicketPlan[]): Promise<Map<TicketPlan, SettledTicket>> {
  const failures = new Map<TicketPlan, SettledTicket>()
  const toCreate = plans.filter((plan) => plan.targetId === undefined)
  if (toCreate.length === 0) return failures
  const { target, signal } = toCreate[0]!.context
  for (const { context, ticket, known } of toCreate) {
    await context.ledger.put({
      kind: 'ticket',
      sourceId: ticket.id,
      parentSourceId: null,
      targetId: null,
      state: 'pending',
      sourceUpdatedAt: null,
      runId: context.runId,
      attempts: (known?.attempts ?? 0) + 1,
    })
  }
  let items: BatchWriteItem[]
  try {
    items = await createTicketsInBatch(
      target,
      toCreate.map((plan) => ({
        ...plan.input,
        status: plan.createStatus,
        ...(plan.createFiles?.inputs.length ? { attachments: plan.createFiles.inputs } : {}),
      })),
      { silent: true, ...(signal ? { signal } : {}) },
    )
  } catch (error) {
    // The call as a whole failed (a closed adapter, an abort): every ticket of it did.
    items = toCreate.map(() => ({ ok: false, error }))
  }
  let fatal: { error: unknown } | undefined
  for (const [index, item] of items.entries()) {
    const plan = toCreate[index]!
    if (item.ok) {
      plan.warnings.push(...item.warnings)
      await recordPlaced(plan, item.id)
      if (plan.createFiles) await recordCarriedFiles(plan, plan.createFiles.carried)
    } else if (isFatalError(item.error)) fatal ??= { error: item.error }
    else failures.set(plan, { settled: await recordTicketFailure(plan.context, plan.ticket, plan.warnings, item.error), counts: plan.context.counts })
  }
  // Every ticket that landed is in the ledger first; then the run stops.
  if (fatal) throw fatal.error
  return failures
}
