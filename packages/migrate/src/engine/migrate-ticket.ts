import { createHash } from 'node:crypto'
import { type AdapterWarning, type Comment, isTransientError, type Ticket, type TicketCreateInput, type TicketStatus, type TimeEntry } from '@ticketbridge/core'
import { isUnmapped } from '../mapping/resolve-mapping'
import { externalIdStamp, type MigrationContext } from './migration-context'
import { provenanceLine, ticketProvenanceLine, withProvenanceLine } from './provenance-line'
import type { DirectoryResolver } from './resolve-directory'
import { rethrowIfFatal } from './fatal-errors'
import { hasValue } from './has-value'
import { TicketInlineImages } from './ticket-inline-images'
import { migrateTimeEntries, timeOnComments, type TimeEntryTotals } from './migrate-time-entries'
import { recordTicketRelations } from './migrate-relations'

/** What verification later checks in the target, recorded when a ticket is completed. */
export interface TicketFingerprint {
  statusCategory: string
  /** The category the target status has, where the mapping chose one of another category (a target without "resolved" closes). */
  targetStatusCategory?: string
  priorityLevel: string
  subject: string
  comments: number
  /** sha256 of every attachment's bytes, sorted. */
  attachmentDigests: string[]
  /** The time entries moved and their minutes; absent where either end has no time entries. */
  timeEntries?: TimeEntryTotals
}

/** `retry`: a transient failure (rate limit, 5xx, dropped connection, timeout); the run tries the ticket again later. */
export type TicketOutcome = 'created' | 'updated' | 'skipped' | 'failed' | 'retry'

const digest = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')
const normalise = (text: string) => text.replace(/\s+/g, ' ').trim()
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
  const changed = known?.sourceUpdatedAt !== null && known?.sourceUpdatedAt !== undefined && Date.parse(ticket.updatedAt) > Date.parse(known.sourceUpdatedAt)
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
      else if (known?.state === 'pending' || known?.state === 'failed') targetId = (await target.tickets.findByExternalId(stamp, { signal: context.signal }))?.id
      if (targetId === undefined) {
        ledger.put({ kind: 'ticket', sourceId: ticket.id, parentSourceId: null, targetId: null, state: 'pending', sourceUpdatedAt: null, runId, attempts: (known?.attempts ?? 0) + 1 })
        // Closed tickets are created open and closed last: on some vendors a reply reopens a ticket.
        const createStatus = finalStatus && finalCategories.has(statusCategoryOf(context, finalStatus)) ? { category: 'open' as const } : finalStatus
        const { record, warnings: createWarnings } = await target.tickets.create({ ...input, status: createStatus }, { silent: true, signal: context.signal })
        warnings.push(...createWarnings)
        targetId = record.id
        ledger.put({ kind: 'ticket', sourceId: ticket.id, parentSourceId: null, targetId, state: 'created', sourceUpdatedAt: null, runId, createdByMigration: true })
      } else {
        ledger.put({ kind: 'ticket', sourceId: ticket.id, parentSourceId: null, targetId, state: 'created', sourceUpdatedAt: null, runId, createdByMigration: true })
      }
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

async function buildTicketInput(
  context: MigrationContext,
  directory: DirectoryResolver,
  ticket: Ticket,
  warnings: AdapterWarning[],
  warn: (field: string, message: string) => void,
  inlineImages: TicketInlineImages,
): Promise<TicketCreateInput> {
  const { mapping, source } = context
  const status = mapping.status(ticket)
  const priority = mapping.priority(ticket)
  const queue = mapping.queue(ticket)
  const type = mapping.ticketType(ticket)
  const unmapped = (field: string, value: { value: string }) =>
    warnings.push({ type: 'unsupported', field, message: `${value.value} has no counterpart in the target; left to the target's default.` })
  if (isUnmapped(status)) unmapped('status', status)
  if (isUnmapped(priority)) unmapped('priority', priority)
  if (isUnmapped(queue)) unmapped('queue', queue)
  if (isUnmapped(type)) unmapped('type', type)
  const customFields: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(ticket.customFields)) {
    const targetKey = mapping.customField(key)
    // An empty value loses nothing when it has nowhere to go: no warning.
    if (!isUnmapped(targetKey)) customFields[targetKey] = value
    else if (hasValue(value)) {
      warnings.push({ type: 'unsupported', field: `customFields.${key}`, message: `Custom field ${key} has no counterpart in the target; its value "${String(value)}" was left out.` })
    }
  }
  const description = await inlineImages.rewrite(ticket.description, 'description')
  warnings.push(...description.warnings)
  const [requester, assignee, organization] = await Promise.all([
    directory.person(ticket.requester, warn, 'requester'),
    directory.person(ticket.assignee, warn, 'assignee'),
    directory.organization(ticket.organization, warn, 'organization'),
  ])
  const sourceDescription = description.body.text.trim() || description.body.html ? description.body : { text: '(no description)' }
  // A target that records the time of import keeps the original one as the description's first line.
  const keepsCreatedAt = context.target.capabilities.tickets.setCreatedAt
  return {
    subject: ticket.subject,
    description: keepsCreatedAt ? sourceDescription : withProvenanceLine(ticketProvenanceLine(ticket, context.source.vendor), sourceDescription),
    ...(isUnmapped(status) ? {} : { status }),
    ...(isUnmapped(priority) ? {} : { priority }),
    ...(queue && !isUnmapped(queue) ? { queue } : {}),
    ...(type && !isUnmapped(type) ? { type } : {}),
    ...(requester ? { requester: { id: requester } } : {}),
    ...(assignee ? { assignee: { id: assignee } } : {}),
    ...(organization ? { organization: { id: organization } } : {}),
    ...(ticket.tags.length > 0 ? { tags: ticket.tags } : {}),
    ...(Object.keys(customFields).length > 0 ? { customFields: customFields as TicketCreateInput['customFields'] } : {}),
    ...(ticket.dueAt ? { dueAt: ticket.dueAt } : {}),
    externalId: externalIdStamp(source.vendor, ticket.id),
    createdAt: ticket.createdAt,
  }
}

async function migrateComments(
  context: MigrationContext,
  directory: DirectoryResolver,
  ticket: Ticket,
  targetTicketId: string,
  inlineImages: TicketInlineImages,
  timeByComment: Map<string, TimeEntry> | undefined,
): Promise<{ total: number; created: number }> {
  const { source, target, ledger, runId, counts } = context
  const capabilities = target.capabilities.comments
  let targetComments: Comment[] | undefined
  // Target comments already matched to a source comment: two equal source comments take two.
  let claimed: Set<string> | undefined
  const adopted = context.adoptedTickets.has(ticket.id)
  let total = 0
  let created = 0
  for await (const comment of source.comments.list(ticket.id, { signal: context.signal })) {
    total += 1
    counts.comments.read += 1
    // Some vendors number comments per ticket (Halo's actions): the ledger keys them under their ticket.
    const commentKey = childKey(ticket.id, comment.id)
    const known = ledger.get('comment', commentKey)
    // Rewritten even when the comment already moved: its images may not have, after a crash.
    const rewritten = await inlineImages.rewrite(comment.body, 'comment.body', comment.id)
    if (known?.state === 'completed') {
      counts.comments.skipped += 1
      continue
    }
    const warnings: AdapterWarning[] = [...rewritten.warnings]
    // Time recorded on this comment travels on it where the target records time on comments too.
    const timed = timeByComment?.get(comment.id)
    const provenance = provenanceLine(comment, source.vendor, { author: !capabilities.setAuthor, time: !capabilities.setCreatedAt })
    // A reply that only carried files has no text; the target still needs a body to hold it.
    const sourceBody = rewritten.body.text.trim() || rewritten.body.html?.trim() ? rewritten.body : { text: '(no text: files only)' }
    const body = provenance ? withProvenanceLine(provenance, sourceBody) : sourceBody
    if (provenance) warnings.push({ type: 'converted', field: 'author', message: `The target cannot set a comment's ${[!capabilities.setAuthor && 'author', !capabilities.setCreatedAt && 'time'].filter(Boolean).join(' or ')}; kept as a provenance line.` })
    let targetId: string | undefined
    // A failed create may have landed too: a batch the vendor refused as a whole may have stored
    // some of it. On an adopted ticket another ledger may have moved any comment.
    if (known?.state === 'pending' || known?.state === 'failed' || (known === undefined && adopted)) {
      targetComments ??= await target.comments.list(targetTicketId, { signal: context.signal }).toArray({ limit: 10_000 })
      claimed ??= new Set(ledger.children('comment', ticket.id).flatMap((record) => (record.targetId ? [record.targetId] : [])))
      const wanted = normalise(sourceBody.text)
      targetId = targetComments.find((candidate) => !claimed!.has(candidate.id) && normalise(candidate.body.text).includes(wanted))?.id
      if (targetId !== undefined) claimed.add(targetId)
    }
    if (targetId === undefined) {
      ledger.put({ kind: 'comment', sourceId: commentKey, parentSourceId: ticket.id, targetId: null, state: 'pending', sourceUpdatedAt: null, runId })
      const author = capabilities.setAuthor ? await directory.person(comment.author, (field, message) => warnings.push({ type: 'substituted', field, message }), 'author') : undefined
      try {
        const visibility = capabilities.visibilities.includes(comment.visibility) ? comment.visibility : comment.visibility === 'public' ? 'internal' : comment.visibility
        const result = await target.comments.create(
          targetTicketId,
          {
            body,
            visibility,
            ...(author ? { author: { id: author } } : {}),
            ...(capabilities.setCreatedAt ? { createdAt: comment.createdAt } : {}),
            ...(timed ? { timeWorkedMinutes: timed.minutes } : {}),
          },
          { silent: true, signal: context.signal },
        )
        warnings.push(...result.warnings)
        targetId = result.record.id
        counts.comments.created += 1
        if (timed) counts.timeEntries.created += 1
        created += 1
      } catch (error) {
        rethrowIfFatal(error)
        ledger.put({ kind: 'comment', sourceId: commentKey, parentSourceId: ticket.id, targetId: null, state: 'failed', sourceUpdatedAt: null, runId, error: (error as Error).message })
        counts.comments.failed += 1
        throw error
      }
    } else counts.comments.skipped += 1
    // The time entry first: a crash between the two leaves the comment pending, found again by its text.
    if (timed) {
      ledger.put({ kind: 'time-entry', sourceId: childKey(ticket.id, timed.id), parentSourceId: ticket.id, targetId, state: 'completed', sourceUpdatedAt: null, runId, createdByMigration: true, fingerprint: JSON.stringify({ minutes: timed.minutes }) })
    }
    ledger.put({ kind: 'comment', sourceId: commentKey, parentSourceId: ticket.id, targetId, state: 'completed', sourceUpdatedAt: null, runId, createdByMigration: true })
    if (warnings.length > 0) ledger.setWarnings(runId, 'comment', commentKey, warnings)
  }
  return { total, created }
}

/** A file to place on the target ticket: a source file (downloaded) or an image taken out of a body. */
interface FileToPlace {
  key: string
  filename: string
  contentType: string
  data: Uint8Array
  /** The source comment whose copy the file belongs to, where the target links files to comments. */
  commentSourceId?: string
}

/**
 * Moves the ticket's files, then the inline images its bodies gave up (named by content, so a
 * resumed run finds the same file). Returns the sha256 of every file, for verification.
 */
async function migrateAttachments(context: MigrationContext, ticket: Ticket, targetTicketId: string, inlineImages: TicketInlineImages): Promise<string[]> {
  const { source, ledger, counts } = context
  const digests: string[] = []
  const placement: FilePlacement = { targetFiles: undefined }
  // The rewrite step may have listed the files already; that list is reused, not fetched again.
  const listed = inlineImages.listedFiles()
  const files = listed ? await listed : source.attachments.list(ticket.id, { signal: context.signal })
  for await (const attachment of files) {
    counts.attachments.read += 1
    const key = childKey(ticket.id, attachment.id)
    const known = ledger.get('attachment', key)
    if (known?.state === 'completed' && known.fingerprint) {
      digests.push(known.fingerprint)
      counts.attachments.skipped += 1
      continue
    }
    const data = await source.attachments.download(attachment, { signal: context.signal })
    const file: FileToPlace = { key, filename: attachment.filename, contentType: attachment.contentType, data, ...(attachment.commentId ? { commentSourceId: attachment.commentId } : {}) }
    digests.push(await placeFile(context, ticket, targetTicketId, file, placement))
  }
  for (const { image, commentSourceId } of inlineImages.queued) {
    counts.attachments.read += 1
    const key = childKey(ticket.id, `inline-${image.digest.slice(0, 16)}`)
    if (ledger.get('attachment', key)?.state === 'completed') {
      digests.push(image.digest)
      counts.attachments.skipped += 1
      continue
    }
    digests.push(await placeFile(context, ticket, targetTicketId, { key, filename: image.filename, contentType: image.contentType, data: image.data, ...(commentSourceId ? { commentSourceId } : {}) }, placement))
  }
  return digests
}

/** The target ticket's files, listed once per ticket and only to resolve a `pending` file. */
interface FilePlacement {
  targetFiles: { filename: string; size: number; id: string }[] | undefined
  /** Target files already matched to a source file. */
  claimed?: Set<string>
}

/** Uploads one file under the ledger's bracket; a `pending` one is first looked for by name and size. Returns its sha256. */
async function placeFile(context: MigrationContext, ticket: Ticket, targetTicketId: string, file: FileToPlace, placement: FilePlacement): Promise<string> {
  const { target, ledger, runId, counts } = context
  const known = ledger.get('attachment', file.key)
  const fingerprint = digest(file.data)
  const limit = target.capabilities.attachments.maxBytes
  if (limit !== undefined && file.data.byteLength > limit) {
    ledger.put({ kind: 'attachment', sourceId: file.key, parentSourceId: ticket.id, targetId: null, state: 'failed', sourceUpdatedAt: null, runId, error: `${file.filename} is ${file.data.byteLength} bytes; the target accepts at most ${limit}.`, fingerprint })
    counts.attachments.failed += 1
    return fingerprint
  }
  let targetId: string | undefined
  // On an adopted ticket another ledger may have moved any file.
  if (known?.state === 'pending' || (known === undefined && context.adoptedTickets.has(ticket.id))) {
    placement.targetFiles ??= await target.attachments.list(targetTicketId, { signal: context.signal }).toArray({ limit: 10_000 })
    placement.claimed ??= new Set(context.ledger.children('attachment', ticket.id).flatMap((record) => (record.targetId ? [record.targetId] : [])))
    targetId = placement.targetFiles.find((candidate) => !placement.claimed!.has(candidate.id) && candidate.filename === file.filename && candidate.size === file.data.byteLength)?.id
    if (targetId !== undefined) placement.claimed.add(targetId)
  }
  if (targetId === undefined) {
    ledger.put({ kind: 'attachment', sourceId: file.key, parentSourceId: ticket.id, targetId: null, state: 'pending', sourceUpdatedAt: null, runId, fingerprint })
    const commentTargetId =
      file.commentSourceId && target.capabilities.attachments.linkToComment ? (ledger.get('comment', childKey(ticket.id, file.commentSourceId))?.targetId ?? undefined) : undefined
    const result = await target.attachments.upload(
      targetTicketId,
      { filename: file.filename, contentType: file.contentType, data: file.data, ...(commentTargetId ? { commentId: commentTargetId } : {}) },
      { silent: true, signal: context.signal },
    )
    targetId = result.record.id
    if (result.warnings.length > 0) ledger.setWarnings(runId, 'attachment', file.key, result.warnings)
    counts.attachments.created += 1
  } else counts.attachments.skipped += 1
  ledger.put({ kind: 'attachment', sourceId: file.key, parentSourceId: ticket.id, targetId, state: 'completed', sourceUpdatedAt: null, runId, createdByMigration: true, fingerprint })
  return fingerprint
}

/** The ledger key of a comment or file: its ticket and its own id, unique whatever the vendor's numbering. */
export function childKey(ticketId: string, childId: string): string {
  return `${ticketId}/${childId}`
}
