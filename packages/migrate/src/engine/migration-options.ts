import type { TicketingAdapter } from '@ticketbridge/core'
import type { MappingFile, MappingFileInput } from '../mapping/mapping-file'
import type { MigrationReport } from '../report/migration-report'
import type { VerifyReport } from '../verify/verify-migration'
import type { MigrationProgressEvent } from './migration-progress'
import type { PreflightReport } from './preflight'
import type { MigrationListOrder, MigrationPhaseFilter } from './source-ticket-query'

/** Options of {@link createMigration}. */
export interface MigrationOptions {
  source: TicketingAdapter
  target: TicketingAdapter
  /**
   * Where the id map and ledger are kept; the same ledger resumes and re-runs. A SQLite file
   * (the embedded default), or a PostgreSQL database (`postgres://…`) shared by many migrations
   * and workers, each ledger in it known by {@link ledgerName}.
   */
  ledger?: string
  /** The ledger's name in a PostgreSQL database; default: made from the vendors and {@link instances}. */
  ledgerName?: string
  /** @deprecated The same as {@link ledger} (a SQLite file), from before PostgreSQL ledgers. */
  ledgerPath?: string
  /** The mapping (parsed file or plain object); where it is silent, values map by name and category. */
  mapping?: MappingFile | MappingFileInput
  /** Write nothing to the target: run the same plan into a memory adapter with the target's capabilities and lookups. */
  dryRun?: boolean
  /** Move only tickets changed at or after this instant (ISO-8601): a delta, such as the one at a cut-over's switch. */
  since?: string
  /**
   * Move only some tickets in this run: a phase of a cut-over (open work first, history after).
   * A later run of the same ledger without it moves the rest and skips what is done.
   */
  only?: MigrationPhaseFilter
  /** The listing's order: newest changes first where the source lists so (the default), or the source's own. */
  order?: MigrationListOrder
  /** Try again records that failed in earlier runs. */
  retryFailed?: boolean
  /** Tickets moved at once (default 8); the vendors' rate limiters still bound the request rate, and targets that take array writes (Halo) send the writes of tickets moving together as one request. */
  concurrency?: number
  /**
   * Tickets that fail for a reason that passes (a rate limit, a 5xx, a dropped connection, a
   * timeout, an answer cut short) are tried again in the same run after the others, in up to
   * `rounds` rounds (default 5), waiting `initialDelayMs` (default 2 s) before the first and twice
   * as long before each next, at most a minute. A source listing that fails so starts again
   * where it stopped, with the same waits. What still fails is left for the next run, not failed.
   */
  transientRetries?: { rounds?: number; initialDelayMs?: number }
  /**
   * Which instances the source and target are (an address, a tenant, an API user: never a
   * secret). Kept in the ledger by its first run; a later run against other instances is refused,
   * so one client's ledger is never used against another's help desk.
   */
  instances?: { source: string; target: string }
  /** Mapping entries naming a status, priority, queue or type the target lacks are allowed (such tickets get the target's default) instead of stopping the run. */
  allowUnmapped?: boolean
  /** Tickets whose source fields verification re-reads and compares (default 20). */
  verifySampleSize?: number
  onProgress?: (event: MigrationProgressEvent) => void
  signal?: AbortSignal
}

/** A migration between two adapters: preflight, run, verify, rollback, each resumable from the ledger. */
export interface Migration {
  preflight(): Promise<PreflightReport>
  /** Moves everything not yet moved; resumes where an earlier run stopped. Runs the preflight first. */
  run(): Promise<MigrationReport>
  verify(): Promise<VerifyReport>
  /** Deletes the tickets this ledger's runs created in the target, where the target allows deleting; says what it left. */
  rollback(): Promise<RollbackResult>
  close(): Promise<void>
}

/** What a rollback did, and what it left in the target. */
export interface RollbackResult {
  deleted: number
  /** Tickets the migration created that stay in the target (it cannot delete them). */
  kept: number
  /** Organizations and people the migration created, by target id: rollback does not delete them. */
  left: { organizations: string[]; people: string[] }
  reason?: string
}
