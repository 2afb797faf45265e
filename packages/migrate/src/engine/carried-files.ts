import { createHash } from 'node:crypto'
import { type CommentCreateInput, runConcurrently } from '@ticketbridge/core'
import { childKey } from './child-key'
import { tally } from './migration-context'
import { type CarriedFile, isFinalStatus, type TicketPlan } from './plan-ticket'

/** Bytes of files a batch downloads to carry inside its comments, at most: the rest go one by one after. */
export const carriedBytesPerBatch = 64 * 1024 * 1024

/** What a batch has left to carry. */
export interface CarryBudget {
  bytesLeft: number
}

type FileInput = NonNullable<CommentCreateInput['attachments']>[number]

/**
 * The files that travel inside a create where the target takes them there: a comment's
 * (`capabilities.comments.attachments`: Halo's `Actions.attachments`, RT's message parts), or,
 * for `commentId` undefined, the ticket's own, those on no comment being moved
 * (`capabilities.tickets.attachments`: Halo's `Faults.attachments`, RT's Create transaction).
 * A file carried costs no request of its own. Only files the ledger has never seen (a `pending`
 * one may have landed: the file step looks for it first), within the target's size limit and
 * the batch's byte budget, which bounds memory; the others follow in the file step. Each is
 * `pending` in the ledger before its create leaves, completed with it (recordCarriedFiles).
 */
export async function carriedFilesOf(
  plan: TicketPlan,
  commentId: string | undefined,
  budget: CarryBudget,
): Promise<{ inputs: FileInput[]; carried: CarriedFile[] }> {
  const { context, ticket, inlineImages } = plan
  const { target, source, ledger, runId } = context
  const inputs: FileInput[] = []
  const carried: CarriedFile[] = []
  const carries = commentId === undefined ? target.capabilities.tickets.attachments : target.capabilities.comments.attachments
  if (!carries) return { inputs, carried }
  const limit = target.capabilities.attachments.maxBytes
  const commentIds = new Set(plan.comments.map((comment) => comment.id))
  const belongs = (fileCommentId: string | undefined) =>
    commentId === undefined ? fileCommentId === undefined || !commentIds.has(fileCommentId) : fileCommentId === commentId
  /** Takes the bytes out of the budget first, so tickets downloading side by side never overdraw it. */
  const reserve = (size: number) => {
    if ((limit !== undefined && size > limit) || size > budget.bytesLeft) return false
    budget.bytesLeft -= size
    return true
  }
  const take = async (key: string, filename: string, contentType: string, data: Uint8Array) => {
    const fingerprint = createHash('sha256').update(data).digest('hex')
    // Counted once the create carrying it lands (recordCarriedFiles); one whose create fails is left to the file step's next try.
    await ledger.putChild(ticket.id, runId, { kind: 'attachment', sourceId: key, state: 'pending', fingerprint })
    inputs.push({ filename, contentType, data })
    carried.push({ key, fingerprint })
  }

  const listed = (await inlineImages.listedFiles()) ?? []
  for (const file of listed) {
    const key = childKey(ticket.id, file.id)
    if (!belongs(file.commentId) || (await ledger.get('attachment', key)) !== undefined || !reserve(file.size)) continue
    const data = await source.attachments.download(file, { signal: context.signal })
    budget.bytesLeft += file.size - data.byteLength
    // The listed size may be off (a vendor that rounds it): over the target's limit, the file step records the refusal.
    if (limit !== undefined && data.byteLength > limit) continue
    await take(key, file.filename, file.contentType, data)
  }
  for (const { image, commentSourceId } of inlineImages.queued) {
    const key = childKey(ticket.id, `inline-${image.digest.slice(0, 16)}`)
    if (!belongs(commentSourceId) || (await ledger.get('attachment', key)) !== undefined || !reserve(image.data.byteLength)) continue
    await take(key, image.filename, image.contentType, image.data)
  }
  return { inputs, carried }
}

/** The create carrying these files landed: they are on the target with it. */
export async function recordCarriedFiles(plan: TicketPlan, files: readonly CarriedFile[]): Promise<void> {
  const { context, ticket } = plan
  for (const file of files) {
    await context.ledger.putChild(ticket.id, context.runId, {
      kind: 'attachment',
      sourceId: file.key,
      state: 'completed',
      createdByMigration: true,
      fingerprint: file.fingerprint,
    })
    tally(context.counts.attachments, 'created')
    plan.carriedFiles.add(file.key)
  }
}

/**
 * The files of each ticket about to be created that go inside its create (`tickets.attachments`),
 * side by side. A closed ticket left with nothing to follow once they ride along is created in
 * its final status. Answers the tickets whose files could not be read, with the error.
 */
export async function planTicketFiles(plans: readonly TicketPlan[], concurrency: number, budget: CarryBudget): Promise<Map<TicketPlan, unknown>> {
  const failures = new Map<TicketPlan, unknown>()
  await runConcurrently(
    plans.filter((plan) => plan.targetId === undefined),
    concurrency,
    async (plan) => {
      try {
        const files = await carriedFilesOf(plan, undefined, budget)
        if (files.carried.length === 0) return
        plan.createFiles = files
        const listed = (await plan.inlineImages.listedFiles()) ?? []
        const entries = plan.timeEntries ?? plan.timed?.listed ?? []
        const everyFileCarried = listed.length + plan.inlineImages.queued.length === files.carried.length
        if (plan.comments.length === 0 && entries.length === 0 && everyFileCarried && isFinalStatus(plan.context, plan.input.status))
          plan.createStatus = plan.input.status
      } catch (error) {
        failures.set(plan, error)
      }
    },
  )
  return failures
}
