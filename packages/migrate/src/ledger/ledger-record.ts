import type { AdapterWarning } from '@ticketbridge/core'

/** What the ledger tracks: every record the migration reads, and its counterpart in the target. */
export type LedgerKind = 'organization' | 'person' | 'ticket' | 'comment' | 'attachment' | 'time-entry' | 'relation'

/**
 * Where a record stands.
 * - `pending`: the write was about to be sent; after a crash its answer may have been lost, so
 *   the target is searched for it before anything is sent again.
 * - `created`: the target record exists (its id is known); a ticket's comments and files may still be moving.
 * - `completed`: done, with everything under it.
 * - `failed`: the write was refused; `--retry-failed` tries again.
 * - `skipped`: deliberately not moved (filtered out, or mapped onto an existing target record).
 */
export type LedgerState = 'pending' | 'created' | 'completed' | 'failed' | 'skipped'

export interface LedgerRecord {
  kind: LedgerKind
  sourceId: string
  parentSourceId: string | null
  targetId: string | null
  state: LedgerState
  /** The source record's `updatedAt` when it was last moved; a newer one means it changed since. */
  sourceUpdatedAt: string | null
  attempts: number
  error: string | null
  runId: number | null
  /** Whether this migration created the target record (rather than matching an existing one). */
  createdByMigration: boolean
  /** What verification checks the target against (a ticket's status category, comment count, file digests). */
  fingerprint: string | null
}

/**
 * A record's new state. Left out, `attempts`, `createdByMigration` and `fingerprint` keep what the
 * ledger holds (0, false and null for a new record); `error` left out is cleared.
 */
export type LedgerWrite = Omit<LedgerRecord, 'attempts' | 'error' | 'createdByMigration' | 'fingerprint'> &
  Partial<Pick<LedgerRecord, 'attempts' | 'error' | 'createdByMigration' | 'fingerprint'>>

export interface LedgerWarning {
  kind: LedgerKind
  sourceId: string
  warning: AdapterWarning
}

export interface RunRecord {
  id: number
  startedAt: string
  finishedAt: string | null
  status: 'running' | 'finished' | 'failed' | 'interrupted'
  options: Record<string, unknown>
  /** What the run did (its counts per entity), written when it ended; null while running or from before summaries were kept. */
  summary: Record<string, unknown> | null
}

/** Counts per kind and state. */
export type LedgerCounts = Record<LedgerKind, Partial<Record<LedgerState, number>>>
