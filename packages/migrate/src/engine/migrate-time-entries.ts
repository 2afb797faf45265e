import { type AdapterWarning, NotFoundError, type Ticket, type TimeEntry, type TimeEntryCreateInput, ValidationError } from '@ticketbridge/core'
import { type MigrationContext, tally } from './migration-context'
import { childKey } from './child-key'
import type { DirectoryResolver } from './resolve-directory'
import { rethrowIfFatal } from './fatal-errors'
import { failureText } from './failure-text'

/** What a ticket's fingerprint keeps of its time entries: how many moved and their minutes. */
export interface TimeEntryTotals {
  entries: number
  minutes: number
}

/** What the ledger keeps of one moved time entry: its source minutes (the target may round them). */
export interface TimeEntryFingerprint {
  minutes: number
}

/** Whether this migration moves time entries: only where both ends keep them. */
export function movesTimeEntries(context: Pick<MigrationContext, 'source' | 'target'>): boolean {
  return context.source.capabilities.timeEntries && context.target.capabilities.timeEntries
}

/**
 * Vendors keep time at different precision (RT whole minutes, at least one; Halo and Autotask
 * hours as decimals): two durations are the same when they differ by less than a minute.
 */
function sameMinutes(left: number, right: number): boolean {
  return Math.abs(left - right) < 1
}

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim()

/**
 * Whether a target entry is the one a source entry became: same minutes, same start (to the
 * minute; a target that keeps no start matches any), and the note sent (if any) inside the target's.
 */
function isCounterpart(entry: TimeEntry, sentNote: string | undefined, candidate: TimeEntry): boolean {
  if (!sameMinutes(entry.minutes, candidate.minutes)) return false
  if (entry.startedAt && candidate.startedAt && Math.abs(Date.parse(entry.startedAt) - Date.parse(candidate.startedAt)) >= 60_000) return false
  const note = normalise(sentNote ?? '')
  return note === '' || normalise(candidate.note ?? '').includes(note)
}

/**
 * The note to send with a source entry: none when the entry was recorded on a source comment that
 * has moved (its text arrived as that comment) and the target records time on comments as well.
 * A comment not moved (failed, or not listed) leaves the note on the entry, so the text is not lost.
 */
async function noteToSend(context: Pick<MigrationContext, 'ledger' | 'target'>, ticket: Ticket, entry: TimeEntry): Promise<string | undefined> {
  if (entry.note === undefined || entry.commentId === undefined) return entry.note
  // Where a time entry is a record of its own (Autotask), its note is what timesheets and invoices show: kept.
  if (!context.target.capabilities.timeEntriesAreComments) return entry.note
  return (await context.ledger.get('comment', childKey(ticket.id, entry.commentId)))?.state === 'completed' ? undefined : entry.note
}

/**
 * Moves a ticket's time entries (after its files), each bracketed by the ledger like comments:
 * `pending` before the create, the target id after. A record left `pending` or `failed` by an
 * earlier run may have reached the target (a lost answer, a timeout after the write), so it is
 * first looked for among the target ticket's entries not yet claimed by another record.
 * Returns the totals the ticket's fingerprint keeps, or `undefined` when either end has no
 * time entries (the preflight lists that degradation once). Entries in `countedWithComments`
 * went in with their comments this attempt and were counted there.
 */
export async function migrateTimeEntries(
  context: MigrationContext,
  directory: DirectoryResolver,
  ticket: Ticket,
  targetTicketId: string,
  listed?: readonly TimeEntry[],
  countedWithComments: ReadonlySet<string> = new Set(),
): Promise<{ totals: TimeEntryTotals; created: number } | undefined> {
  if (!movesTimeEntries(context)) return undefined
  const { source, target, ledger, runId, counts } = context
  const totals: TimeEntryTotals = { entries: 0, minutes: 0 }
  let created = 0
  let targetEntries: TimeEntry[] | undefined
  const claimed = new Set<string>()
  for (const record of await ledger.children('time-entry', ticket.id)) if (record.targetId) claimed.add(record.targetId)

  // Listed already where time rode on the comments (see timeOnComments); else listed here.
  for await (const entry of listed ?? source.timeEntries.list(ticket.id, { signal: context.signal })) {
    const entryKey = childKey(ticket.id, entry.id)
    const known = await ledger.get('time-entry', entryKey)
    if (!(entry.minutes > 0)) {
      // RT records corrections as negative time; no target takes an entry of zero or less.
      if (known?.state !== 'skipped') {
        await ledger.putChild(ticket.id, runId, { kind: 'time-entry', sourceId: entryKey, state: 'skipped' })
        await ledger.setWarnings(runId, 'time-entry', entryKey, [
          {
            type: 'unsupported',
            field: 'minutes',
            message: `A time entry of ${entry.minutes} minutes (a correction) has no counterpart in the target; it was left out.`,
          },
        ])
      }
      tally(counts.timeEntries, 'skipped')
      continue
    }
    totals.entries += 1
    totals.minutes += entry.minutes
    const fingerprint = JSON.stringify({ minutes: entry.minutes } satisfies TimeEntryFingerprint)
    if (known?.state === 'completed') {
      // Moved with its comment in this attempt (counted there), or by an earlier attempt or run.
      if (!countedWithComments.has(entry.id)) tally(counts.timeEntries, 'skipped')
      continue
    }

    const note = await noteToSend(context, ticket, entry)
    let targetId: string | undefined
    // On an adopted ticket another ledger may have moved any entry.
    if (known?.state === 'pending' || known?.state === 'failed' || (known === undefined && context.adoptedTickets.has(ticket.id))) {
      try {
        targetEntries ??= await target.timeEntries.list(targetTicketId, { signal: context.signal }).toArray({ limit: 10_000 })
      } catch (error) {
        // The lookup stops the ticket: this entry failed with it.
        tally(counts.timeEntries, 'failed')
        throw error
      }
      // Matched on what is sent: an entry sent without its note matches on minutes and start.
      targetId = targetEntries.find((candidate) => !claimed.has(candidate.id) && isCounterpart(entry, note, candidate))?.id
    }
    const warnings: AdapterWarning[] = []
    if (targetId === undefined) {
      await ledger.putChild(ticket.id, runId, {
        kind: 'time-entry',
        sourceId: entryKey,
        state: 'pending',
        attempts: (known?.attempts ?? 0) + 1,
        fingerprint,
      })
      try {
        const person = await directory.person(entry.person, (field, message) => warnings.push({ type: 'substituted', field, message }), 'person')
        const input: TimeEntryCreateInput = {
          minutes: entry.minutes,
          ...(note !== undefined ? { note } : {}),
          ...(entry.startedAt !== undefined ? { startedAt: entry.startedAt } : {}),
          ...(entry.billable !== undefined ? { billable: entry.billable } : {}),
        }
        const result = await createWithPersonFallback(context, targetTicketId, input, person, warnings)
        warnings.push(...result.warnings)
        targetId = result.record.id
        tally(counts.timeEntries, 'created')
        created += 1
      } catch (error) {
        rethrowIfFatal(error)
        // `failed`, not `pending`: still looked up before the next try, since an error after the
        // request left (a timeout, a dropped connection) does not prove the entry was not stored.
        await ledger.putChild(ticket.id, runId, { kind: 'time-entry', sourceId: entryKey, state: 'failed', error: failureText(error), fingerprint })
        await ledger.setWarnings(runId, 'time-entry', entryKey, warnings)
        tally(counts.timeEntries, 'failed')
        throw error
      }
    } else tally(counts.timeEntries, 'matched')
    claimed.add(targetId)
    await ledger.putChild(ticket.id, runId, {
      kind: 'time-entry',
      sourceId: entryKey,
      targetId,
      state: 'completed',
      createdByMigration: true,
      fingerprint,
    })
    await ledger.setWarnings(runId, 'time-entry', entryKey, warnings)
  }
  return { totals, created }
}

/**
 * Creates the entry as the mapped person. A target that refuses that person (Autotask logs time
 * only as a resource, and a contact is none) refuses before writing anything, so the entry is
 * sent once more without one, and a warning says so.
 */
async function createWithPersonFallback(
  context: MigrationContext,
  targetTicketId: string,
  input: TimeEntryCreateInput,
  person: string | undefined,
  warnings: AdapterWarning[],
) {
  const { target } = context
  const options = { silent: true, ...(context.signal ? { signal: context.signal } : {}) }
  if (person === undefined) return target.timeEntries.create(targetTicketId, input, options)
  try {
    return await target.timeEntries.create(targetTicketId, { ...input, person: { id: person } }, options)
  } catch (error) {
    if (!refusedPerson(error)) throw error
    warnings.push({
      type: 'substituted',
      field: 'person',
      message: `The target refused person ${person} on a time entry (${(error as Error).message}); the entry was recorded without one.`,
    })
    return target.timeEntries.create(targetTicketId, input, options)
  }
}

/** A refusal naming the person (or a person the target does not find), sent before anything was stored. */
function refusedPerson(error: unknown): boolean {
  if (ValidationError.isInstance(error))
    return error.issues.some((issue) => /person|resource/i.test(issue.field ?? '') || /person|resource/i.test(issue.message))
  return NotFoundError.isInstance(error) && /resource|person|contact|user/i.test(error.message)
}

/**
 * A ticket's time entries that were recorded on its comments, by comment id, where the target
 * records time on comments too (Halo, RT): the engine then writes each such comment with its
 * time, so the target holds one record, as the source did, instead of the comment and a second
 * time-only record. Undefined where that does not apply. The listing is handed on to
 * {@link migrateTimeEntries}, which then skips the entries the comments carried.
 */
export async function timeOnComments(
  context: MigrationContext,
  ticket: Ticket,
  read?: TimeEntry[],
): Promise<{ listed: TimeEntry[]; byComment: Map<string, TimeEntry> } | undefined> {
  if (!movesTimeEntries(context) || !context.target.capabilities.timeEntriesAreComments) return undefined
  const listed = read ?? (await context.source.timeEntries.list(ticket.id, { signal: context.signal }).toArray({ limit: 100_000 }))
  const byComment = new Map<string, TimeEntry>()
  for (const entry of listed)
    if (entry.commentId !== undefined && entry.minutes > 0 && !byComment.has(entry.commentId)) byComment.set(entry.commentId, entry)
  return { listed, byComment }
}
