import type { AdapterWarning, TicketingAdapter, TicketStatus } from '@ticketbridge/core'
import type { MigrationLedger } from '../ledger/migration-ledger'
import type { MappingFile } from '../mapping/mapping-file'
import type { ResolvedMapping, TargetLookups } from '../mapping/resolve-mapping'
import type { KeptSourceReads } from './kept-source-reads'
import type { MigrationProgressEvent } from './migration-progress'

/**
 * Per-entity tallies of one run. Every record the run handled counts once as read and once in
 * exactly one outcome: `read = created + matched + updated + skipped + failed`. A record of a
 * ticket that failed before the run reached it is not counted: the ticket's failure stands for it.
 * Reports saved before `matched` existed lack it (read it as 0).
 */
export interface EntityCounts {
  read: number
  /** Written to the target by this run. */
  created: number
  /**
   * Found on the target and used instead of writing one: a person by email, an organization by
   * name, a ticket by its external-id stamp, a comment by its text, a file by name and size, a
   * time entry by minutes and start, an existing link; a write whose answer was lost is found so too.
   */
  matched: number
  /** Moved by an earlier run and changed since: the target's copy was updated (tickets only). An outcome of the record read, like the others. */
  updated: number
  /**
   * Nothing written: done by an earlier run of this ledger, or left out on purpose (a negative
   * time correction, a link whose other ticket has not moved, a person the migration may not create).
   */
  skipped: number
  /** Refused or failed; a failure of an earlier run not retried (without --retry-failed) counts here again. */
  failed: number
}

/** What became of one record: the column of {@link EntityCounts} it lands in. */
export type RecordOutcome = 'created' | 'matched' | 'updated' | 'skipped' | 'failed'

/** Counts one record: read, and its outcome. Read and outcome are counted together so the columns always add up. */
export function tally(counts: EntityCounts, outcome: RecordOutcome): void {
  counts.read += 1
  counts[outcome] += 1
}

export type CountedEntity = 'organizations' | 'people' | 'tickets' | 'comments' | 'attachments' | 'timeEntries' | 'relations'

export function emptyCounts(): Record<CountedEntity, EntityCounts> {
  const zero = (): EntityCounts => ({ read: 0, created: 0, matched: 0, updated: 0, skipped: 0, failed: 0 })
  return { organizations: zero(), people: zero(), tickets: zero(), comments: zero(), attachments: zero(), timeEntries: zero(), relations: zero() }
}

/** Everything the steps of one run share. */
export interface MigrationContext {
  source: TicketingAdapter
  target: TicketingAdapter
  ledger: MigrationLedger
  mappingFile: MappingFile
  mapping: ResolvedMapping
  targetLookups: TargetLookups
  runId: number
  retryFailed: boolean
  counts: Record<CountedEntity, EntityCounts>
  emit(event: MigrationProgressEvent): void
  signal?: AbortSignal
  /** Source tickets looked up on the target this run: the copy found (its id and status), or null when none. */
  foundOnTarget: Map<string, { id: string; status: TicketStatus } | null>
  /** Source tickets found on the target but not in this ledger: their children are matched against the target before any is sent. */
  adoptedTickets: Set<string>
  /** What the lookup on the target found worth saying about a source ticket, until its own warnings are written. */
  lookupWarnings: Map<string, AdapterWarning[]>
  /** Relation keys recorded in this run's first pass, so a link both tickets list counts once. */
  relationsRecorded: Set<string>
  /** What the preflight read of the first tickets, taken instead of reading it again. */
  keptReads: KeptSourceReads
}

/** The external id a migrated ticket is stamped with: where it came from, as `vendor:id`. */
export function externalIdStamp(sourceVendor: string, sourceTicketId: string): string {
  return `${sourceVendor}:${sourceTicketId}`
}
