import type { AdapterWarning, BatchWriteItem, Comment, CommentCreateInput, TimeEntry } from '@ticketbridge/core'
import { childKey } from './child-key'
import { type CarryBudget, carriedFilesOf, recordCarriedFiles } from './carried-files'
import { isFatalError } from './fatal-errors'
import { failureText } from './failure-text'
import { type MigrationContext, tally } from './migration-context'
import { type CarriedFile, statusCategoryOf, type TicketPlan } from './plan-ticket'
import { provenanceLine, withProvenanceLine } from './provenance-line'
import type { DirectoryResolver } from './resolve-directory'

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim()

/** A comment to create: where it goes, what it says, and what the ledger keeps of it. */
export interface PlannedComment {
  commentKey: string
  targetTicketId: string
  input: CommentCreateInput
  warnings: AdapterWarning[]
  /** The time entry recorded on the source comment, which travels on it. */
  timed?: TimeEntry
  /** This comment moves the ticket to its final status (the ticket's last comment, where the target can). */
  carriesStatus?: boolean
  /** Files sent inside the comment's create. */
  carriedFiles?: CarriedFile[]
}

/** What the batch wrote of a ticket's comments: how many, whether its final status rode on the last, and its first failure. */
export interface TicketCommentsWritten {
  created: number
  statusCarried: boolean
  failure?: unknown
}

/** A ticket's comments once planned: how many the source has, and those still to create, in order. */
export interface TicketComments {
  total: number
  toCreate: PlannedComment[]
}

/**
 * Plans a ticket's comments in order: inline images moved out, the author found in the target's
 * directory, the time recorded on the comment carried where the target records time on comments.
 * A `pending` or `failed` one (or any on an adopted ticket) is first looked for among the target's
 * comments by its text, and recorded if found. Each comment to create is `pending` in the ledger
 * before the batch that creates it leaves. What it throws, it throws while planning a comment:
 * the caller counts that comment failed (those planned before it were never sent, and count nowhere).
 */
export async function planComments(
  plan: TicketPlan,
  directory: DirectoryResolver,
  targetTicketId: string,
  budget: CarryBudget,
): Promise<TicketComments> {
  const { context, ticket, inlineImages, adopted } = plan
  const { source, target, ledger, runId, counts } = context
  const capabilities = target.capabilities.comments
  let targetComments: Comment[] | undefined
  // Target comments already matched to a source comment: two equal source comments take two.
  let claimed: Set<string> | undefined
  const toCreate: PlannedComment[] = []
  for (const comment of plan.comments) {
    // Some vendors number comments per ticket (Halo's actions): the ledger keys them under their ticket.
    const commentKey = childKey(ticket.id, comment.id)
    const known = await ledger.get('comment', commentKey)
    // Rewritten even when the comment already moved: its images may not have, after a crash.
    const rewritten = await inlineImages.rewrite(comment.body, 'comment.body', comment.id)
    if (known?.state === 'completed') {
      tally(counts.comments, 'skipped')
      continue
    }
    const warnings: AdapterWarning[] = [...rewritten.warnings]
    const timed = plan.timed?.byComment.get(comment.id)
    const provenance = provenanceLine(comment, source.vendor, { author: !capabilities.setAuthor, time: !capabilities.setCreatedAt })
    // A reply that only carried files has no text; the target still needs a body to hold it.
    const sourceBody = rewritten.body.text.trim() || rewritten.body.html?.trim() ? rewritten.body : { text: '(no text: files only)' }
    const body = provenance ? withProvenanceLine(provenance, sourceBody) : sourceBody
    if (provenance)
      warnings.push({
        type: 'converted',
        field: 'author',
        message: `The target cannot set a comment's ${[!capabilities.setAuthor && 'author', !capabilities.setCreatedAt && 'time'].filter(Boolean).join(' or ')}; kept as a provenance line.`,
      })
    // A failed create may have landed too: a batch the vendor refused as a whole may have stored
    // some of it. On an adopted ticket another ledger may have moved any comment.
    if (known?.state === 'pending' || known?.state === 'failed' || (known === undefined && adopted)) {
      targetComments ??= await target.comments.list(targetTicketId, { signal: context.signal }).toArray({ limit: 10_000 })
      claimed ??= new Set((await ledger.children('comment', ticket.id)).flatMap((record) => (record.targetId ? [record.targetId] : [])))
      const wanted = normalise(sourceBody.text)
      const found = targetComments.find((candidate) => !claimed!.has(candidate.id) && normalise(candidate.body.text).includes(wanted))?.id
      if (found !== undefined) {
        claimed.add(found)
        tally(counts.comments, 'matched')
        if (timed) {
          tally(counts.timeEntries, 'matched')
          plan.timeEntriesCounted.add(timed.id)
        }
        await recordCompleted(
          context,
          ticket.id,
          { commentKey, targetTicketId, input: { body, visibility: comment.visibility }, warnings, ...(timed ? { timed } : {}) },
          found,
        )
        continue
      }
    }
    await ledger.putChild(ticket.id, runId, { kind: 'comment', sourceId: commentKey, state: 'pending' })
    const author = capabilities.setAuthor
      ? await directory.person(comment.author, (field, message) => warnings.push({ type: 'substituted', field, message }), 'author')
      : undefined
    const visibility = capabilities.visibilities.includes(comment.visibility)
      ? comment.visibility
      : comment.visibility === 'public'
        ? 'internal'
        : comment.visibility
    const files = await carriedFilesOf(plan, comment.id, budget)
    toCreate.push({
      commentKey,
      targetTicketId,
      input: {
        body,
        visibility,
        ...(author ? { author: { id: author } } : {}),
        ...(capabilities.setCreatedAt ? { createdAt: comment.createdAt } : {}),
        ...(timed ? { timeWorkedMinutes: timed.minutes } : {}),
        ...(files.inputs.length > 0 ? { attachments: files.inputs } : {}),
      },
      warnings,
      ...(timed ? { timed } : {}),
      ...(files.carried.length > 0 ? { carriedFiles: files.carried } : {}),
    })
  }
  carryFinalStatus(plan, toCreate)
  return { total: plan.comments.length, toCreate }
}

/**
 * Where the target moves a ticket with a comment (`comments.setTicketStatus`: Halo's
 * `new_status`), the ticket's last new comment carries its final status, which then costs no
 * request of its own. Only where nothing written after the comments could move the ticket
 * again: no time entry of its own to follow (Halo writes those as actions too).
 */
function carryFinalStatus(plan: TicketPlan, toCreate: PlannedComment[]): void {
  const { context, input } = plan
  const last = toCreate.at(-1)
  if (!last || !input.status || !context.target.capabilities.comments.setTicketStatus) return
  if (statusCategoryOf(context, input.status) === 'open') return
  const entries = plan.timeEntries ?? plan.timed?.listed ?? []
  const onComments = plan.timed?.byComment
  if (entries.some((entry) => entry.minutes > 0 && !(entry.commentId !== undefined && onComments?.get(entry.commentId) === entry))) return
  last.input = { ...last.input, ticketStatus: input.status }
  last.carriesStatus = true
}

/**
 * Records what the batch answered for a ticket's planned comments. Answers how many were created,
 * and the first failure, which fails the ticket (its other comments are recorded all the same).
 */
export async function recordComments(
  plan: TicketPlan,
  planned: readonly PlannedComment[],
  items: readonly BatchWriteItem[],
): Promise<TicketCommentsWritten> {
  const { context, ticket } = plan
  const { counts, ledger, runId } = context
  let created = 0
  let statusCarried = false
  let failure: { error: unknown } | undefined
  for (const [index, comment] of planned.entries()) {
    const item = items[index]!
    if (item.ok) {
      // Unless the target said it could not (a warning on ticketStatus), the ticket is in its final status now.
      if (comment.carriesStatus && !item.warnings.some((warning) => warning.field === 'ticketStatus')) statusCarried = true
      comment.warnings.push(...item.warnings)
      tally(counts.comments, 'created')
      if (comment.timed) {
        tally(counts.timeEntries, 'created')
        plan.timeEntriesCounted.add(comment.timed.id)
      }
      created += 1
      await recordCompleted(context, ticket.id, comment, item.id)
      if (comment.carriedFiles) await recordCarriedFiles(plan, comment.carriedFiles)
      continue
    }
    // A fatal error leaves the comment `pending`: the run stops, and the next looks for it first.
    if (!isFatalError(item.error)) {
      await ledger.putChild(ticket.id, runId, { kind: 'comment', sourceId: comment.commentKey, state: 'failed', error: failureText(item.error) })
      tally(counts.comments, 'failed')
    }
    failure ??= { error: item.error }
  }
  return failure ? { created, statusCarried, failure: failure.error } : { created, statusCarried }
}

/** The comment is on the target: its time entry first (a crash between the two leaves the comment pending, found again by its text), then the comment. */
async function recordCompleted(context: MigrationContext, ticketSourceId: string, comment: PlannedComment, targetId: string): Promise<void> {
  const { ledger, runId } = context
  if (comment.timed) {
    await ledger.putChild(ticketSourceId, runId, {
      kind: 'time-entry',
      sourceId: childKey(ticketSourceId, comment.timed.id),
      targetId,
      state: 'completed',
      createdByMigration: true,
      fingerprint: JSON.stringify({ minutes: comment.timed.minutes }),
    })
  }
  await ledger.putChild(ticketSourceId, runId, {
    kind: 'comment',
    sourceId: comment.commentKey,
    targetId,
    state: 'completed',
    createdByMigration: true,
  })
  if (comment.warnings.length > 0) await ledger.setWarnings(runId, 'comment', comment.commentKey, comment.warnings)
}
