import type { AdapterWarning, Comment, Ticket, TicketCreateInput, TimeEntry } from '@ticketbridge/core'
import type { LedgerRecord } from '../ledger/migration-ledger'
import { buildTicketInput } from './build-ticket-input'
import { timeOnComments } from './migrate-time-entries'
import { externalIdStamp, type MigrationContext, tally } from './migration-context'
import type { DirectoryResolver } from './resolve-directory'
import { recordTicketFailure, type SettledTicket, type TicketOutcome } from './ticket-failure'
import type { TicketChildren } from './read-ticket-children'
import { TicketInlineImages } from './ticket-inline-images'

const finalCategories = new Set(['resolved', 'closed'])

/** A file sent inside its ticket's or comment's create (carried-files.ts): its ledger key and sha256. */
export interface CarriedFile {
  key: string
  fingerprint: string
}

/**
 * A source ticket on its way, between the steps of its batch: what it becomes on the target,
 * where it is there once placed, and what was read of it. Each ticket counts into its own
 * tallies (`context.counts`, see migrate-ticket-batch.ts), which the run adds up once the
 * ticket settles.
 */
export interface TicketPlan {
  ticket: Ticket
  /** The run's context with this ticket's own tallies. */
  context: MigrationContext
  directory: DirectoryResolver
  known: LedgerRecord | undefined
  /** What the ticket counts as once it completes: `matched` where it was found on the target (adopted, or a create whose answer was lost). */
  outcome: Exclude<TicketOutcome, 'failed' | 'retry'>
  adopted: boolean
  warnings: AdapterWarning[]
  input: TicketCreateInput
  inlineImages: TicketInlineImages
  /** The source ticket's comments, oldest first. */
  comments: Comment[]
  /** Time entries recorded on comments, where the target records time on comments too. */
  timed: { listed: TimeEntry[]; byComment: Map<string, TimeEntry> } | undefined
  /** The source ticket's time entries, where the migration moves them. */
  timeEntries?: TimeEntry[]
  /** The target ticket, once created or found. */
  targetId?: string
  /** The status the create asks for: the final one where nothing written afterwards could move it. */
  createStatus?: TicketCreateInput['status']
  /** Ledger keys of the files that went inside the ticket's or its comments' creates (carried-files.ts): the file step skips them. */
  carriedFiles: Set<string>
  /** Source time entries this attempt counted with their comments (created or matched there): the time-entry step counts them no more. */
  timeEntriesCounted: Set<string>
  /** The ticket's own files, to go inside its create. */
  createFiles?: { inputs: NonNullable<TicketCreateInput['attachments']>; carried: CarriedFile[] }
}

/** Whether a status selector names a resolved or closed status on the target. */
export function isFinalStatus(context: MigrationContext, selector: TicketCreateInput['status']): boolean {
  return selector !== undefined && finalCategories.has(statusCategoryOf(context, selector))
}

export function statusCategoryOf(context: MigrationContext, selector: NonNullable<TicketCreateInput['status']>): string {
  if (selector.category) return selector.category
  return context.targetLookups.statuses.find((status) => status.id === selector.id || status.name === selector.name)?.category ?? 'open'
}

/**
 * Whether the ledger settles a ticket without moving it: skipped, failed (without
 * --retry-failed), or done and unchanged since. Counted into `context.counts`.
 */
export function settledByLedger(context: MigrationContext, ticket: Ticket, known: LedgerRecord | undefined): SettledTicket | undefined {
  if (known?.state === 'skipped') return settled(context, 'skipped')
  if (known?.state === 'failed' && !context.retryFailed) return settled(context, 'failed')
  if (known?.state === 'completed' && !changedSince(known, ticket)) return settled(context, 'skipped')
  return undefined
}

function changedSince(known: LedgerRecord | undefined, ticket: Ticket): boolean {
  return known?.sourceUpdatedAt !== null && known?.sourceUpdatedAt !== undefined && Date.parse(ticket.updatedAt) > Date.parse(known.sourceUpdatedAt)
}

/**
 * The first step of a ticket the ledger did not settle: its target input built from what the
 * batch read of it, and its place on the target found where an earlier run may have created it
 * (a changed ticket is updated there now). Creating it is left to the batch, so tickets planned
 * together leave in one request.
 */
export async function planTicket(
  context: MigrationContext,
  directory: DirectoryResolver,
  ticket: Ticket,
  children: TicketChildren,
  known: LedgerRecord | undefined,
): Promise<TicketPlan | SettledTicket> {
  const { target, source } = context
  const changed = changedSince(known, ticket)
  const warnings: AdapterWarning[] = [...(context.lookupWarnings.get(ticket.id) ?? [])]
  context.lookupWarnings.delete(ticket.id)
  const warn = (field: string, message: string) => warnings.push({ type: 'substituted', field, message })
  const adopted = context.adoptedTickets.has(ticket.id)
  const inlineImages = new TicketInlineImages(context, ticket)
  try {
    const files = children.files.get(ticket.id) ?? []
    inlineImages.useListedFiles(files)
    const input = await buildTicketInput(context, directory, ticket, warnings, warn, inlineImages)
    const comments = children.comments.get(ticket.id) ?? []
    const listedTime = children.timeEntries?.get(ticket.id)
    const timed = await timeOnComments(context, ticket, listedTime)
    const plan: TicketPlan = {
      ticket,
      context,
      directory,
      known,
      outcome: known?.state === 'completed' ? 'updated' : adopted ? 'matched' : 'created',
      adopted,
      warnings,
      input,
      inlineImages,
      comments,
      timed,
      ...(listedTime ? { timeEntries: listedTime } : {}),
      carriedFiles: new Set(),
      timeEntriesCounted: new Set(),
    }
    let targetId = known?.targetId ?? undefined
    if (targetId === undefined) {
      // Only a record whose answer may have been lost is looked up; a fresh one costs no extra request.
      // Looked up with its page (adopt-existing-tickets.ts) unless it came another way.
      const found = context.foundOnTarget.get(ticket.id)
      if (found !== undefined) targetId = found?.id
      else if (known?.state === 'pending' || known?.state === 'failed')
        targetId = (await target.tickets.findByExternalId(externalIdStamp(source.vendor, ticket.id), { signal: context.signal }))?.id
      // Found on the target (a lost answer, an adopted ticket): recorded as one this run created, counted as matched.
      if (targetId !== undefined) {
        await recordPlaced(plan, targetId)
        plan.outcome = 'matched'
      } else {
        // Closed tickets are created open and closed last where anything follows: on some vendors
        // a reply or a file reopens a ticket. One with nothing to follow is created closed.
        const nothingFollows =
          comments.length === 0 && files.length === 0 && inlineImages.queued.length === 0 && (listedTime ?? timed?.listed ?? []).length === 0
        plan.createStatus = isFinalStatus(context, input.status) && !nothingFollows ? { category: 'open' } : input.status
      }
    } else if (known?.state === 'completed' && changed) {
      const { externalId: _externalId, createdAt: _createdAt, ...changes } = input
      const { warnings: updateWarnings } = await target.tickets.update(targetId, changes, { silent: true, signal: context.signal })
      warnings.push(...updateWarnings)
    }
    if (targetId !== undefined) plan.targetId = targetId
    return plan
  } catch (error) {
    return { settled: await recordTicketFailure(context, ticket, warnings, error), counts: context.counts }
  }
}

/** The ticket is on the target: the ledger says where, before anything is written under it. */
export async function recordPlaced(plan: TicketPlan, targetId: string): Promise<void> {
  plan.targetId = targetId
  await plan.context.ledger.put({
    kind: 'ticket',
    sourceId: plan.ticket.id,
    parentSourceId: null,
    targetId,
    state: 'created',
    sourceUpdatedAt: null,
    runId: plan.context.runId,
    createdByMigration: true,
  })
}

function settled(context: MigrationContext, outcome: 'skipped' | 'failed'): SettledTicket {
  tally(context.counts.tickets, outcome)
  return { settled: outcome, counts: context.counts }
}
