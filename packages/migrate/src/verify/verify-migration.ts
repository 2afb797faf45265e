import { createHash } from 'node:crypto'
import { type Attachment, findTicketsByExternalIds, type TicketingAdapter } from '@ticketbridge/core'
import { sameSubject } from '../engine/adopt-existing-tickets'
import { collect } from '../ledger/collect'
import { externalIdStamp } from '../engine/migration-context'
import type { TicketFingerprint } from '../engine/ticket-fingerprint'
import { type CanonicalRelation, canonicalRelation, relationKey } from '../engine/migrate-relations'
import type { LedgerRecord, MigrationLedger } from '../ledger/migration-ledger'

/** One difference verification found, with both ids. */
export interface VerifyDifference {
  sourceId: string
  targetId: string
  field: string
  source: string
  target: string
}

export interface VerifyReport {
  tickets: { checked: number; matched: number }
  comments: { source: number; target: number }
  attachments: { source: number; target: number; bytesIdentical: number }
  /** Time entries moved (source) and found in the target, with their minutes; zero where either end has none. */
  timeEntries: { source: number; target: number; sourceMinutes: number; targetMinutes: number }
  /** Relations whose two tickets both moved (source), and how many of them the target shows. */
  relations: { source: number; target: number }
  statusCategories: Record<string, { source: number; target: number }>
  /** Tickets re-read from the source to compare fields, not only the recorded fingerprint. */
  sampledFieldChecks: number
  differences: VerifyDifference[]
  /**
   * Tickets this ledger moved and `rollback` deleted since. With none left to check, verification
   * does not pass: an empty target after a rollback is not a verified migration.
   */
  rolledBack?: number
  passed: boolean
}

/** What rollback writes on the records it undid. */
export const rolledBackMark = 'rolled back'

const digest = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

/**
 * Checks the target against what the migration recorded: for every completed ticket, its status
 * category, its comment count, every file's bytes (sha256), and its time entries (count and
 * minutes); every relation whose two tickets moved; for a sample, the source ticket is
 * read again and its fields compared. Reads the target only once per record; the source only for
 * the sample.
 */
export async function verifyMigration(options: {
  source: TicketingAdapter
  target: TicketingAdapter
  ledger: MigrationLedger
  sampleSize?: number
  signal?: AbortSignal
  onProgress?: (done: number, total: number) => void
}): Promise<VerifyReport> {
  const { source, target, ledger } = options
  const completed = await ledger.inState('ticket', 'completed')
  const sampleEvery = Math.max(1, Math.floor(completed.length / Math.max(1, options.sampleSize ?? 20)))
  const report: VerifyReport = {
    tickets: { checked: 0, matched: 0 },
    comments: { source: 0, target: 0 },
    attachments: { source: 0, target: 0, bytesIdentical: 0 },
    timeEntries: { source: 0, target: 0, sourceMinutes: 0, targetMinutes: 0 },
    relations: { source: 0, target: 0 },
    statusCategories: {},
    sampledFieldChecks: 0,
    differences: [],
    passed: true,
  }
  const differ = (sourceId: string, targetId: string, field: string, expected: unknown, actual: unknown) =>
    report.differences.push({ sourceId, targetId, field, source: String(expected), target: String(actual) })

  for (const [index, record] of completed.entries()) {
    if (!record.targetId || !record.fingerprint) continue
    const expected = JSON.parse(record.fingerprint) as TicketFingerprint
    const differencesBefore = report.differences.length
    const ticket = await target.tickets.get(record.targetId, { signal: options.signal })
    report.tickets.checked += 1
    const tally = (report.statusCategories[expected.statusCategory] ??= { source: 0, target: 0 })
    tally.source += 1
    const targetTally = (report.statusCategories[ticket.status.category] ??= { source: 0, target: 0 })
    targetTally.target += 1
    const expectedCategory = expected.targetStatusCategory ?? expected.statusCategory
    if (ticket.status.category !== expectedCategory)
      differ(record.sourceId, record.targetId, 'status.category', expectedCategory, ticket.status.category)

    const comments = await target.comments.list(record.targetId, { signal: options.signal }).toArray({ limit: 100_000 })
    const migratedComments = (await ledger.children('comment', record.sourceId)).filter((child) => child.state === 'completed')
    const targetCommentIds = new Set(comments.map((comment) => comment.id))
    report.comments.source += expected.comments
    report.comments.target += migratedComments.filter((child) => child.targetId && targetCommentIds.has(child.targetId)).length
    for (const child of migratedComments)
      if (!child.targetId || !targetCommentIds.has(child.targetId)) differ(child.sourceId, child.targetId ?? '-', 'comment', 'present', 'missing')
    if (migratedComments.length !== expected.comments)
      differ(record.sourceId, record.targetId, 'comments', expected.comments, migratedComments.length)

    const targetDigests: string[] = []
    // The files the migration put there: uploaded ones by their id; those that went inside a create
    // (no id of their own in the ledger) by the comment that carried them, or on the ticket itself.
    const files = await ledger.children('attachment', record.sourceId)
    const uploadedIds = new Set(files.flatMap((child) => (child.targetId ? [child.targetId] : [])))
    const carriedBy = new Set(migratedComments.flatMap((child) => (child.targetId ? [child.targetId] : [])))
    const carriedOnTicket = files.some((child) => child.state === 'completed' && !child.targetId)
    const migrated = (attachment: Attachment) =>
      uploadedIds.has(attachment.id) || (attachment.commentId === undefined ? carriedOnTicket : carriedBy.has(attachment.commentId))
    for await (const attachment of target.attachments.list(record.targetId, { signal: options.signal })) {
      if (!migrated(attachment)) continue
      targetDigests.push(digest(await target.attachments.download(attachment, { signal: options.signal })))
    }
    report.attachments.source += expected.attachmentDigests.length
    report.attachments.target += targetDigests.length
    const remaining = [...targetDigests]
    for (const wanted of expected.attachmentDigests) {
      const at = remaining.indexOf(wanted)
      if (at >= 0) {
        remaining.splice(at, 1)
        report.attachments.bytesIdentical += 1
      } else differ(record.sourceId, record.targetId, 'attachment bytes', wanted.slice(0, 12), 'missing or different')
    }

    if (expected.timeEntries && target.capabilities.timeEntries) {
      const targetEntries = new Map(
        (await target.timeEntries.list(record.targetId, { signal: options.signal }).toArray({ limit: 100_000 })).map((entry) => [entry.id, entry]),
      )
      let found = 0
      let minutes = 0
      for (const child of await ledger.children('time-entry', record.sourceId)) {
        if (child.state !== 'completed') continue
        const entry = child.targetId ? targetEntries.get(child.targetId) : undefined
        if (!entry) {
          differ(child.sourceId, child.targetId ?? '-', 'time entry', 'present', 'missing')
          continue
        }
        found += 1
        minutes += entry.minutes
      }
      report.timeEntries.source += expected.timeEntries.entries
      report.timeEntries.sourceMinutes += expected.timeEntries.minutes
      report.timeEntries.target += found
      report.timeEntries.targetMinutes += minutes
      if (found !== expected.timeEntries.entries) differ(record.sourceId, record.targetId, 'time entries', expected.timeEntries.entries, found)
      // Vendors round each entry (RT to whole minutes): up to a minute per entry is rounding.
      else if (Math.abs(expected.timeEntries.minutes - minutes) >= Math.max(1, found)) {
        differ(record.sourceId, record.targetId, 'minutes worked', round(expected.timeEntries.minutes), round(minutes))
      }
    }

    if (index % sampleEvery === 0) {
      report.sampledFieldChecks += 1
      const original = await source.tickets.get(record.sourceId, { signal: options.signal })
      if (original.subject !== ticket.subject) differ(record.sourceId, record.targetId, 'subject', original.subject, ticket.subject)
      if (original.priority.level !== ticket.priority.level)
        differ(record.sourceId, record.targetId, 'priority.level', original.priority.level, ticket.priority.level)
      const words = (text: string) => text.replace(/\s+/g, ' ').trim()
      if (words(original.description.text) && !words(ticket.description.text).includes(words(original.description.text).slice(0, 200))) {
        differ(
          record.sourceId,
          record.targetId,
          'description',
          words(original.description.text).slice(0, 60),
          words(ticket.description.text).slice(0, 60),
        )
      }
    }
    if (report.differences.length === differencesBefore) report.tickets.matched += 1
    options.onProgress?.(index + 1, completed.length)
  }
  await verifyNoDuplicates(source.vendor, target, completed, differ, options.signal)
  if (source.capabilities.relations && target.capabilities.relations) await verifyRelations(target, ledger, report, differ, options.signal)
  report.timeEntries.sourceMinutes = round(report.timeEntries.sourceMinutes)
  report.timeEntries.targetMinutes = round(report.timeEntries.targetMinutes)
  const rolledBack = (await collect(ledger.allOfKind('ticket'))).filter((record) => record.error === rolledBackMark).length
  if (rolledBack > 0) report.rolledBack = rolledBack
  report.passed = report.differences.length === 0 && !(rolledBack > 0 && report.tickets.checked === 0)
  return report
}

const round = (minutes: number) => Math.round(minutes * 100) / 100

/** Stamps looked up per call: the adapters split further where their APIs need it. */
const duplicateCheckChunk = 500

/**
 * Counts the target itself, not through the ledger: every moved ticket's external-id stamp must
 * be on exactly one target ticket. A second copy (another ledger's run, or one made by hand) is
 * a difference naming every copy. Where an adapter has no batch lookup, it finds one copy at most.
 */
async function verifyNoDuplicates(
  sourceVendor: string,
  target: TicketingAdapter,
  completed: readonly LedgerRecord[],
  differ: (sourceId: string, targetId: string, field: string, expected: unknown, actual: unknown) => void,
  signal: AbortSignal | undefined,
): Promise<void> {
  const moved = completed.filter((record) => record.targetId)
  for (let start = 0; start < moved.length; start += duplicateCheckChunk) {
    const chunk = moved.slice(start, start + duplicateCheckChunk)
    const found = await findTicketsByExternalIds(
      target,
      chunk.map((record) => externalIdStamp(sourceVendor, record.sourceId)),
      { signal },
    )
    for (const record of chunk) {
      // Another help desk's ticket may carry the same stamp (see adopt-existing-tickets.ts): copies are those with this ticket's subject.
      const subject = (JSON.parse(record.fingerprint ?? '{}') as Partial<TicketFingerprint>).subject
      const copies = (found.get(externalIdStamp(sourceVendor, record.sourceId)) ?? []).filter(
        (copy) => subject === undefined || sameSubject(copy.subject, subject),
      )
      if (copies.length > 1) differ(record.sourceId, copies.map((copy) => copy.id).join(', '), 'copies on the target', 1, copies.length)
    }
  }
}

/**
 * Every relation whose two tickets both moved must show in the target, on either ticket, in the
 * target's ids. A relation waiting for a partner that has not moved is a warning of the run, not
 * a difference.
 */
async function verifyRelations(
  target: TicketingAdapter,
  ledger: MigrationLedger,
  report: VerifyReport,
  differ: (sourceId: string, targetId: string, field: string, expected: unknown, actual: unknown) => void,
  signal: AbortSignal | undefined,
): Promise<void> {
  const listed = new Map<string, Set<string>>()
  const relationsOf = async (targetTicketId: string) => {
    let keys = listed.get(targetTicketId)
    if (!keys) {
      const relations = await target.relations.list(targetTicketId, { signal })
      keys = new Set(relations.map((relation) => relationKey(canonicalRelation({ ...relation, ticketId: targetTicketId }))))
      listed.set(targetTicketId, keys)
    }
    return keys
  }
  for await (const record of ledger.allOfKind('relation')) {
    if (record.state === 'skipped' || !record.fingerprint) continue
    const relation = JSON.parse(record.fingerprint) as CanonicalRelation
    const from = await ledger.get('ticket', relation.ticketId)
    const to = await ledger.get('ticket', relation.relatedTicketId)
    if (from?.state !== 'completed' || to?.state !== 'completed' || !from.targetId || !to.targetId) continue
    report.relations.source += 1
    const key = record.targetId ?? relationKey(canonicalRelation({ ticketId: from.targetId, kind: relation.kind, relatedTicketId: to.targetId }))
    if ((await relationsOf(from.targetId)).has(key) || (await relationsOf(to.targetId)).has(key)) report.relations.target += 1
    else differ(record.sourceId, key, 'relation', 'present', 'missing')
  }
}
