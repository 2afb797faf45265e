import type { AdapterWarning } from '@ticketbridge/core'
import type { LedgerDriver } from './ledger-driver'
import type { LedgerCounts, LedgerKind, LedgerRecord, LedgerState, LedgerWarning, LedgerWrite, RunRecord } from './ledger-record'

export type { LedgerCounts, LedgerKind, LedgerRecord, LedgerState, LedgerWarning, LedgerWrite, RunRecord } from './ledger-record'

/**
 * The id map and per-record ledger of one migration, over a {@link LedgerDriver} (SQLite or
 * PostgreSQL). Every write to the target is bracketed by ledger writes: `pending` before, the
 * target id after. A process killed at any point leaves at most one record per worker `pending`,
 * and the next run resolves it by looking the record up in the target before sending anything
 * again. Nothing is held in memory: a migration of a million tickets keeps a flat footprint.
 */
export class MigrationLedger {
  constructor(private readonly driver: LedgerDriver) {}

  /** Where the ledger is: a file, or a PostgreSQL address (without its password) and the ledger's name. */
  get location(): string {
    return this.driver.location
  }

  get(kind: LedgerKind, sourceId: string): Promise<LedgerRecord | undefined> {
    return this.driver.get(kind, sourceId)
  }

  /** Writes a record's new state (insert or update). */
  put(record: LedgerWrite): Promise<void> {
    return this.driver.put(record)
  }

  /**
   * Writes a ticket's child (a comment, a file, a time entry): its parent is the ticket, it has no
   * source timestamp of its own, and it has no target id until one is given.
   */
  putChild(
    ticketId: string,
    runId: number,
    record: Pick<LedgerRecord, 'kind' | 'sourceId' | 'state'> &
      Partial<Pick<LedgerRecord, 'targetId' | 'attempts' | 'error' | 'createdByMigration' | 'fingerprint'>>,
  ): Promise<void> {
    return this.driver.put({ parentSourceId: ticketId, targetId: null, sourceUpdatedAt: null, runId, ...record })
  }

  children(kind: LedgerKind, parentSourceId: string): Promise<LedgerRecord[]> {
    return this.driver.children(kind, parentSourceId)
  }

  inState(kind: LedgerKind, state: LedgerState): Promise<LedgerRecord[]> {
    return this.driver.inState(kind, state)
  }

  allOfKind(kind: LedgerKind): AsyncIterable<LedgerRecord> {
    return this.driver.allOfKind(kind)
  }

  /** Counts per kind and state. */
  counts(): Promise<LedgerCounts> {
    return this.driver.counts()
  }

  /** Replaces the warnings kept for a record with those of its latest write. */
  setWarnings(runId: number, kind: LedgerKind, sourceId: string, warnings: readonly AdapterWarning[]): Promise<void> {
    return this.driver.setWarnings(runId, kind, sourceId, warnings)
  }

  warnings(): AsyncIterable<LedgerWarning> {
    return this.driver.warnings()
  }

  getMeta(key: string): Promise<string | undefined> {
    return this.driver.getMeta(key)
  }

  setMeta(key: string, value: string): Promise<void> {
    return this.driver.setMeta(key, value)
  }

  /** Starts a run; runs a killed process left `running` are marked interrupted first. */
  startRun(options: Record<string, unknown>): Promise<number> {
    return this.driver.startRun(options)
  }

  finishRun(runId: number, status: 'finished' | 'failed' | 'interrupted', summary?: object): Promise<void> {
    return this.driver.finishRun(runId, status, summary as Record<string, unknown> | undefined)
  }

  runs(): Promise<RunRecord[]> {
    return this.driver.runs()
  }

  close(): Promise<void> {
    return this.driver.close()
  }
}
