import type { RunRecord } from '../ledger/ledger-record'
import type { CountedEntity, EntityCounts } from '../engine/migration-context'

/** One run of a ledger seen as a phase of the migration: what it was asked to move, and what it did. */
export interface MigrationPhase {
  run: number
  /** What the run moved, in words: `new, open and pending tickets`, `changes since 2026-12-04T18:00:00.000Z`, `everything not yet moved`. */
  moved: string
  status: RunRecord['status']
  startedAt: string
  finishedAt: string | null
  /** What the run did per entity; absent for runs from before the ledger kept it. */
  counts?: Partial<Record<CountedEntity, EntityCounts>>
}

/** What a run was asked to move, from the options its ledger row keeps. */
export function describePhase(options: Record<string, unknown>): string {
  const only = (options.only ?? {}) as { statusCategories?: string[]; updatedAfter?: string }
  const parts: string[] = []
  if (only.statusCategories?.length) parts.push(`${only.statusCategories.join(', ')} tickets`)
  if (only.updatedAfter) parts.push(`tickets changed after ${only.updatedAfter}`)
  if (typeof options.since === 'string') parts.push(`changes since ${options.since}`)
  const moved = parts.length > 0 ? parts.join('; ') : 'everything not yet moved'
  return options.retryFailed === true ? `${moved}, failures retried` : moved
}

/** The ledger's runs as phases, oldest first; dry runs write no real ledger and are not among them. */
export function migrationPhases(runs: readonly RunRecord[]): MigrationPhase[] {
  return runs
    .filter((run) => run.options.dryRun !== true)
    .map((run) => ({
      run: run.id,
      moved: describePhase(run.options),
      status: run.status,
      startedAt: run.startedAt,
      finishedAt: run.finishedAt,
      ...(run.summary ? { counts: run.summary as MigrationPhase['counts'] } : {}),
    }))
}

/** The columns a phase row shows: tickets by outcome, then the comments and files written. */
export const phaseColumns = ['run', 'moved', 'status', 'tickets created', 'updated', 'skipped', 'failed', 'comments', 'files'] as const

/** A phase as the cells of {@link phaseColumns}; counts a run did not keep show as `–`. */
export function phaseRow(phase: MigrationPhase): (string | number)[] {
  const tickets = phase.counts?.tickets
  const written = (counts: EntityCounts | undefined) => (counts ? counts.created + counts.updated : '–')
  return [
    phase.run,
    phase.moved,
    phase.status,
    tickets?.created ?? '–',
    tickets?.updated ?? '–',
    tickets?.skipped ?? '–',
    tickets?.failed ?? '–',
    written(phase.counts?.comments),
    written(phase.counts?.attachments),
  ]
}
