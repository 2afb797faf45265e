import { ConfigurationError } from '@ticketbridge/core'
import type { MigrationLedger } from '../ledger/migration-ledger'
import { type MappingFile, mappingFileSchema } from '../mapping/mapping-file'
import type { KeptSourceReads } from './kept-source-reads'
import type { MigrationOptions } from './migration-options'
import type { MigrationProgressEvent } from './migration-progress'
import type { MigrationTarget } from './migration-target'
import { checkPhaseFilter, parseInstantOption, resolveListOrder, sourceTicketQuery } from './source-ticket-query'
import type { TicketQuery } from '@ticketbridge/core'

/** A migration's options checked and defaulted once, when it is set up. */
export interface MigrationSettings {
  mappingFile: MappingFile
  /** Tickets moved at once. */
  concurrency: number
  /** In-run retry rounds for tickets that fail transiently. */
  retryRounds: number
  /** The wait before retry round `round` (from 1): doubling from the initial delay, at most a minute. */
  retryDelayMs(round: number): number
  /** The source listing of a run: its phase, `since` and order, checked. */
  query: TicketQuery
}

/** What the phases of one migration (run, verify, rollback) share. */
export interface MigrationSetup {
  options: MigrationOptions
  settings: MigrationSettings
  target: MigrationTarget
  /** The ledger, opened (or made) on first use. */
  ledger(): Promise<MigrationLedger>
  emit(event: MigrationProgressEvent): void
  /** The preflight's listing and sample, for the run right after it. */
  keptReads: KeptSourceReads
}

/** Checks a migration's options (the mapping, concurrency, since, transient retries); a ConfigurationError names the bad one. */
export function resolveMigrationSettings(options: MigrationOptions): MigrationSettings {
  const mappingResult = mappingFileSchema.safeParse(options.mapping ?? {})
  if (!mappingResult.success) {
    const issue = mappingResult.error.issues[0]
    throw new ConfigurationError(
      `The mapping is invalid: ${mappingResult.error.issues.map((entry) => `${entry.path.join('.')}: ${entry.message}`).join('; ')}.`,
      {
        option: issue && issue.path.length > 0 ? `mapping.${issue.path.join('.')}` : 'mapping',
      },
    )
  }
  const mappingFile = mappingResult.data
  const concurrency = options.concurrency ?? 8
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) {
    throw new ConfigurationError(`concurrency must be a whole number from 1 to 64, not ${String(options.concurrency)}.`, { option: 'concurrency' })
  }
  const since = options.since !== undefined ? parseInstantOption(options.since, 'since') : undefined
  const only = options.only !== undefined ? checkPhaseFilter(options.only) : undefined
  const order = resolveListOrder(options.order, options.source)
  const query = sourceTicketQuery({ ...(since ? { since } : {}), ...(only ? { only } : {}), ...(order ? { order } : {}) })
  const retryRounds = options.transientRetries?.rounds ?? 5
  const retryInitialDelayMs = options.transientRetries?.initialDelayMs ?? 2_000
  if (!Number.isInteger(retryRounds) || retryRounds < 0 || retryRounds > 20) {
    throw new ConfigurationError(`transientRetries.rounds must be a whole number from 0 to 20, not ${String(retryRounds)}.`, {
      option: 'transientRetries.rounds',
    })
  }
  if (!Number.isFinite(retryInitialDelayMs) || retryInitialDelayMs < 0) {
    throw new ConfigurationError(
      `transientRetries.initialDelayMs must be a number of milliseconds of at least 0, not ${String(retryInitialDelayMs)}.`,
      { option: 'transientRetries.initialDelayMs' },
    )
  }
  return {
    mappingFile,
    concurrency,
    retryRounds,
    retryDelayMs: (round: number) => Math.min(retryInitialDelayMs * 2 ** (round - 1), 60_000),
    query,
  }
}
