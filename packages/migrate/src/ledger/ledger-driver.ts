import type { AdapterWarning } from '@ticketbridge/core'
import type { LedgerCounts, LedgerKind, LedgerRecord, LedgerState, LedgerWarning, LedgerWrite, RunRecord } from './ledger-record'

/**
 * Where one migration's ledger is kept: SQLite (a file, the default) or PostgreSQL (one database
 * shared by many migrations and workers). Every method that changes something is one transaction,
 * so a process killed at any point leaves each record in its old state or its new one, never between.
 * Lists come back in the order records were first written.
 */
export interface LedgerDriver {
  /** Where the ledger is, for messages: a file path, or a PostgreSQL address without its password, with the ledger's name. */
  readonly location: string
  get(kind: LedgerKind, sourceId: string): Promise<LedgerRecord | undefined>
  /** Inserts or updates a record, merging the fields {@link LedgerWrite} leaves out with the stored ones in the same transaction. */
  put(record: LedgerWrite): Promise<void>
  children(kind: LedgerKind, parentSourceId: string): Promise<LedgerRecord[]>
  inState(kind: LedgerKind, state: LedgerState): Promise<LedgerRecord[]>
  /** Every record of a kind, read in pages: a million tickets never sit in memory at once. */
  allOfKind(kind: LedgerKind): AsyncIterable<LedgerRecord>
  counts(): Promise<LedgerCounts>
  /** Replaces the warnings kept for a record with those of its latest write. */
  setWarnings(runId: number, kind: LedgerKind, sourceId: string, warnings: readonly AdapterWarning[]): Promise<void>
  warnings(): AsyncIterable<LedgerWarning>
  getMeta(key: string): Promise<string | undefined>
  setMeta(key: string, value: string): Promise<void>
  /** Starts a run; runs a killed process left `running` are marked `interrupted` in the same transaction. */
  startRun(options: Record<string, unknown>): Promise<number>
  /** Ends a run with its status and, where given, a summary of what it did (kept for per-phase reports). */
  finishRun(runId: number, status: 'finished' | 'failed' | 'interrupted', summary?: Record<string, unknown>): Promise<void>
  runs(): Promise<RunRecord[]>
  close(): Promise<void>
}
