import { createHash } from 'node:crypto'
import type { AdapterWarning, Comment, Ticket, TicketCreateInput } from '@ticketbridge/core'
import { isUnmapped } from '../mapping/resolve-mapping'
import { externalIdStamp, type MigrationContext } from './migration-context'
import { provenanceLine } from './provenance-line'
import type { DirectoryResolver } from './resolve-directory'
import { rethrowIfFatal } from './fatal-errors'
import { migrateTimeEntries, type TimeEntryTotals } from './migrate-time-entries'
import { recordTicketRelations } from './migrate-relations'

/** What verification later checks in the target, recorded when a ticket is completed. */
export interface TicketFingerprint {
  statusCategory: string
  priorityLevel: string
  subject: string
  comments: number
  /** sha256 of every attachment's bytes, sorted. */
  attachmentDigests: string[]
  /** The time entries moved and their minutes; absent where either end has no time entries. */
  timeEntries?: TimeEntryTotals
}

export type TicketOutcome = 'created' | 'updated' | 'skipped' | 'failed'

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

  const warnings: AdapterWarning[] = []
  const warn = (field: string, message: string) => warnings.push({ type: 'substituted', field, message })
  const stamp = externalIdStamp(source.vendor, ticket.id)
  const outcome: TicketOutcome = known?.state === 'completed' ? 'updated' : 'created'
  try {
    const input = await buildTicketInput(context, directory, ticket, warnings, warn)
    const finalStatus = input.status
    let targetId = known?.targetId ?? undefined
    if (targetId === undefined) {
      // Only a record whose answer may have been lost is looked up; a fresh one costs no extra request.
      if (known?.state === 'pending' || known?.state === 'failed') targetId = (await target.tickets.findByExternalId(stamp, { signal: context.signal }))?.id
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

    const comments = await migrateComments(context, directory, ticket, targetId)
    const attachmentDigests = await migrateAttachments(context, ticket, targetId)
    const timeEntries = await migrateTimeEntries(context, directory, ticket, targetId)
    await recordTicketRelations(context, ticket)

    // The final status goes last (see above), and again after replies: some vendors move a ticket
    // on a reply (RT opens a new ticket). One more request only for tickets that need it.
    const finalCategory = finalStatus ? statusCategoryOf(context, finalStatus) : undefined
    if (finalStatus && finalCategory && (finalCategories.has(finalCategory) || (comments.created + (timeEntries?.created ?? 0) > 0 && finalCategory !== 'open'))) {
      const { warnings: statusWarnings } = await target.tickets.update(targetId, { status: finalStatus }, { silent: true, signal: context.signal })
      warnings.push(...statusWarnings)
    }
    const fingerprint: TicketFingerprint = {
      statusCategory: ticket.status.category,
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
    // and files; one that never got there is `failed`, retried with --retry-failed.
    const previous = ledger.get('ticket', ticket.id)
    const reachedTarget = previous?.targetId !== null && previous?.targetId !== undefined
    ledger.put({
      kind: 'ticket',
      sourceId: ticket.id,
      parentSourceId: null,
      targetId: previous?.targetId ?? null,
      state: reachedTarget ? 'created' : 'failed',
      sourceUpdatedAt: null,
      runId,
      error: (error as Error).message,
    })
    ledger.setWarnings(runId, 'ticket', ticket.id, warnings)
    counts.tickets.failed += 1
    return 'failed'
  }
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
    if (isUnmapped(targetKey)) warnings.push({ type: 'unsupported', field: `customFields.${key}`, message: `Custom field ${key} has no counterpart in the target; its value "${String(value)}" was left out.` })
    else customFields[targetKey] = value
  }
  const [requester, assignee, organization] = await Promise.all([
    directory.person(ticket.requester, warn, 'requester'),
    directory.person(ticket.assignee, warn, 'assignee'),
    directory.organization(ticket.organization, warn, 'organization'),
  ])
  return {
    subject: ticket.subject,
    description: ticket.description.text.trim() || ticket.description.html ? ticket.description : { text: '(no description)' },
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
): Promise<{ total: number; created: number }> {
  const { source, target, ledger, runId, counts } = context
  const capabilities = target.capabilities.comments
  let targetComments: Comment[] | undefined
  let total = 0
  let created = 0
  for await (const comment of source.comments.list(ticket.id, { signal: context.signal })) {
    total += 1
    counts.comments.read += 1
    // Some vendors number comments per ticket (Halo's actions): the ledger keys them under their ticket.
    const commentKey = childKey(ticket.id, comment.id)
    const known = ledger.get('comment', commentKey)
    if (known?.state === 'completed') {
      counts.comments.skipped += 1
      continue
    }
    const warnings: AdapterWarning[] = []
    const provenance = provenanceLine(comment, source.vendor, { author: !capabilities.setAuthor, time: !capabilities.setCreatedAt })
    // A reply that only carried files has no text; the target still needs a body to hold it.
    const sourceBody = comment.body.text.trim() || comment.body.html?.trim() ? comment.body : { text: '(no text: files only)' }
    const body = provenance
      ? { text: `${provenance}\n\n${sourceBody.text}`, ...(sourceBody.html ? { html: `<p>${escapeHtml(provenance)}</p>${sourceBody.html}` } : {}) }
      : sourceBody
    if (provenance) warnings.push({ type: 'converted', field: 'author', message: `The target cannot set a comment's ${[!capabilities.setAuthor && 'author', !capabilities.setCreatedAt && 'time'].filter(Boolean).join(' or ')}; kept as a provenance line.` })
    let targetId: string | undefined
    if (known?.state === 'pending') {
      targetComments ??= await target.comments.list(targetTicketId, { signal: context.signal }).toArray({ limit: 10_000 })
      const wanted = normalise(sourceBody.text)
      targetId = targetComments.find((candidate) => normalise(candidate.body.text).includes(wanted))?.id
    }
    if (targetId === undefined) {
      ledger.put({ kind: 'comment', sourceId: commentKey, parentSourceId: ticket.id, targetId: null, state: 'pending', sourceUpdatedAt: null, runId })
      const author = capabilities.setAuthor ? await directory.person(comment.author, (field, message) => warnings.push({ type: 'substituted', field, message }), 'author') : undefined
      try {
        const visibility = capabilities.visibilities.includes(comment.visibility) ? comment.visibility : comment.visibility === 'public' ? 'internal' : comment.visibility
        const result = await target.comments.create(
          targetTicketId,
          { body, visibility, ...(author ? { author: { id: author } } : {}), ...(capabilities.setCreatedAt ? { createdAt: comment.createdAt } : {}) },
          { silent: true, signal: context.signal },
        )
        warnings.push(...result.warnings)
        targetId = result.record.id
        counts.comments.created += 1
        created += 1
      } catch (error) {
        rethrowIfFatal(error)
        ledger.put({ kind: 'comment', sourceId: commentKey, parentSourceId: ticket.id, targetId: null, state: 'failed', sourceUpdatedAt: null, runId, error: (error as Error).message })
        counts.comments.failed += 1
        throw error
      }
    } else counts.comments.skipped += 1
    ledger.put({ kind: 'comment', sourceId: commentKey, parentSourceId: ticket.id, targetId, state: 'completed', sourceUpdatedAt: null, runId, createdByMigration: true })
    if (warnings.length > 0) ledger.setWarnings(runId, 'comment', commentKey, warnings)
  }
  return { total, created }
}

async function migrateAttachments(context: MigrationContext, ticket: Ticket, targetTicketId: string): Promise<string[]> {
  const { source, target, ledger, runId, counts } = context
  const digests: string[] = []
  let targetAttachments: { filename: string; size: number; id: string }[] | undefined
  for await (const attachment of source.attachments.list(ticket.id, { signal: context.signal })) {
    counts.attachments.read += 1
    const attachmentKey = childKey(ticket.id, attachment.id)
    const known = ledger.get('attachment', attachmentKey)
    if (known?.state === 'completed' && known.fingerprint) {
      digests.push(known.fingerprint)
      counts.attachments.skipped += 1
      continue
    }
    const data = await source.attachments.download(attachment, { signal: context.signal })
    const fingerprint = digest(data)
    digests.push(fingerprint)
    const limit = target.capabilities.attachments.maxBytes
    if (limit !== undefined && data.byteLength > limit) {
      ledger.put({ kind: 'attachment', sourceId: attachmentKey, parentSourceId: ticket.id, targetId: null, state: 'failed', sourceUpdatedAt: null, runId, error: `${attachment.filename} is ${data.byteLength} bytes; the target accepts at most ${limit}.`, fingerprint })
      counts.attachments.failed += 1
      continue
    }
    let targetId: string | undefined
    if (known?.state === 'pending') {
      targetAttachments ??= await target.attachments.list(targetTicketId, { signal: context.signal }).toArray({ limit: 10_000 })
      targetId = targetAttachments.find((candidate) => candidate.filename === attachment.filename && candidate.size === data.byteLength)?.id
    }
    if (targetId === undefined) {
      ledger.put({ kind: 'attachment', sourceId: attachmentKey, parentSourceId: ticket.id, targetId: null, state: 'pending', sourceUpdatedAt: null, runId, fingerprint })
      const commentTargetId = attachment.commentId && target.capabilities.attachments.linkToComment ? ledger.get('comment', childKey(ticket.id, attachment.commentId))?.targetId ?? undefined : undefined
      const result = await target.attachments.upload(
        targetTicketId,
        { filename: attachment.filename, contentType: attachment.contentType, data, ...(commentTargetId ? { commentId: commentTargetId } : {}) },
        { silent: true, signal: context.signal },
      )
      targetId = result.record.id
      if (result.warnings.length > 0) ledger.setWarnings(runId, 'attachment', attachmentKey, result.warnings)
      counts.attachments.created += 1
    } else counts.attachments.skipped += 1
    ledger.put({ kind: 'attachment', sourceId: attachmentKey, parentSourceId: ticket.id, targetId, state: 'completed', sourceUpdatedAt: null, runId, createdByMigration: true, fingerprint })
  }
  return digests
}

/** The ledger key of a comment or file: its ticket and its own id, unique whatever the vendor's numbering. */
export function childKey(ticketId: string, childId: string): string {
  return `${ticketId}/${childId}`
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
