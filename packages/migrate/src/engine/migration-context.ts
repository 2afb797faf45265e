import type { AdapterWarning, TicketingAdapter, TicketStatus } from '@ticketbridge/core'
import type { MigrationLedger } from '../ledger/migration-ledger'
import type { MappingFile } from '../mapping/mapping-file'
import type { ResolvedMapping, TargetLookups } from '../mapping/resolve-mapping'
import type { KeptSourceReads } from './kept-source-reads'
import type { MigrationProgressEvent } from './migration-progress'

/** Per-entity tallies of one run. */
export interface EntityCounts {
  read: number
  created: number
  updated: number
  skipped: number
  failed: number
}

export type CountedEntity = 'organizations' | 'people' | 'tickets' | 'comments' | 'attachments' | 'timeEntries' | 'relations'

export function emptyCounts(): Record<CountedEntity, EntityCounts> {
  const zero = (): EntityCounts => ({ read: 0, created: 0, updated: 0, skipped: 0, failed: 0 })
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
