import type { AdapterWarning, Comment, Ticket, TimeEntry } from '@ticketbridge/core'
import { childKey } from './child-key'
import { rethrowIfFatal } from './fatal-errors'
import type { MigrationContext } from './migration-context'
import { provenanceLine, withProvenanceLine } from './provenance-line'
import type { DirectoryResolver } from './resolve-directory'
import type { TicketInlineImages } from './ticket-inline-images'

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim()

/**
 * Moves a ticket's comments in order, each bracketed by the ledger: `pending` before the create,
 * the target id after. A `pending` or `failed` one (or any on an adopted ticket) is first looked
 * for among the target's comments by its text. Time recorded on a comment travels with it where
 * the target records time on comments too. Returns how many the source has and how many were created.
 */
export async function migrateComments(
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
    if (provenance)
      warnings.push({
        type: 'converted',
        field: 'author',
        message: `The target cannot set a comment's ${[!capabilities.setAuthor && 'author', !capabilities.setCreatedAt && 'time'].filter(Boolean).join(' or ')}; kept as a provenance line.`,
      })
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
      ledger.putChild(ticket.id, runId, { kind: 'comment', sourceId: commentKey, state: 'pending' })
      const author = capabilities.setAuthor
        ? await directory.person(comment.author, (field, message) => warnings.push({ type: 'substituted', field, message }), 'author')
        : undefined
      try {
        const visibility = capabilities.visibilities.includes(comment.visibility)
          ? comment.visibility
          : comment.visibility === 'public'
            ? 'internal'
            : comment.visibility
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
        ledger.putChild(ticket.id, runId, { kind: 'comment', sourceId: commentKey, state: 'failed', error: (error as Error).message })
        counts.comments.failed += 1
        throw error
      }
    } else counts.comments.skipped += 1
    // The time entry first: a crash between the two leaves the comment pending, found again by its text.
    if (timed) {
      ledger.putChild(ticket.id, runId, {
        kind: 'time-entry',
        sourceId: childKey(ticket.id, timed.id),
        targetId,
        state: 'completed',
        createdByMigration: true,
        fingerprint: JSON.stringify({ minutes: timed.minutes }),
      })
    }
    ledger.putChild(ticket.id, runId, { kind: 'comment', sourceId: commentKey, targetId, state: 'completed', createdByMigration: true })
    if (warnings.length > 0) ledger.setWarnings(runId, 'comment', commentKey, warnings)
  }
  return { total, created }
}
