import type { AdapterWarning } from '@ticketbridge/core'
import type { CountedEntity, EntityCounts } from '../engine/migration-context'
import type { PreflightReport } from '../engine/preflight'
import { collect } from '../ledger/collect'
import type { LedgerKind, LedgerState, MigrationLedger } from '../ledger/migration-ledger'
import type { VerifyReport } from '../verify/verify-migration'
import { type MigrationPhase, migrationPhases } from './migration-phases'

/** Everything a run produced, as plain data: the source of the terminal, JSON and HTML reports. */
export interface MigrationReport {
  source: string
  target: string
  dryRun: boolean
  /** The run was stopped (Ctrl-C, SIGTERM) before it finished: the counts are what it did until then. */
  interrupted?: boolean
  startedAt: string
  finishedAt: string
  durationSeconds: number
  /** What this run did, per entity: every record read in exactly one outcome (see {@link EntityCounts}; reports saved before `matched` lack it). */
  counts: Record<CountedEntity, EntityCounts>
  /** Where every record stands after this run, across all runs of this ledger: counts by kind and ledger state. */
  ledgerTotals: Record<string, Record<string, number>>
  warnings: { kind: LedgerKind; sourceId: string; warning: AdapterWarning }[]
  /**
   * Records whose last try failed, with the error the ledger keeps (`ValidationError: …`: the class
   * leads, so the report can tell a passing failure from a refusal) and the record's ledger state
   * (`pending`, `created`: the next run continues it; `failed`: --retry-failed). Reports saved
   * before `state` was kept lack it.
   */
  failures: { kind: LedgerKind; sourceId: string; targetId: string | null; reason: string; state?: LedgerState }[]
  /** Every ticket of the ledger, source id → target id, in the order first seen. Absent in reports saved before it was kept. */
  tickets?: { sourceId: string; targetId: string | null; state: LedgerState }[]
  /**
   * The web page of a ticket at either end, as a pattern with `{id}` for the ticket's id
   * (`https://rt.example.com/Ticket/Display.html?id={id}`): the HTML report links each ticket id.
   * Adapters do not expose their web addresses yet, so a caller that knows them sets this.
   */
  ticketWebUrl?: { source?: string; target?: string }
  preflight?: PreflightReport
  verify?: VerifyReport
  /**
   * Tickets that failed for a reason that passes (rate limit, 5xx, dropped connection, timeout)
   * and were tried again in this run; those still failing are left for the next run (`--resume`).
   */
  transientRetries?: { tickets: number; rounds: number; leftForNextRun: number }
  /**
   * Requests each end received, where counted: in a dry run the target's are what the stand-in
   * answered (the run's own planner at the target's batch limits); a caller that counts the
   * wire (the CLI's request meters) fills in the rest.
   */
  requests?: { source?: number; target?: number }
  /** Every run of this ledger as a phase (open work first, the rest, the switch's delta), oldest first. Absent in reports saved before it was kept. */
  phases?: MigrationPhase[]
}

/** Collects the report from the run's tallies and the ledger (warnings and failures come from disk). */
export async function buildMigrationReport(options: {
  source: string
  target: string
  dryRun: boolean
  startedAt: Date
  counts: Record<CountedEntity, EntityCounts>
  ledger: MigrationLedger
  preflight?: PreflightReport
  verify?: VerifyReport
  transientRetries?: MigrationReport['transientRetries']
  requests?: MigrationReport['requests']
}): Promise<MigrationReport> {
  const finishedAt = new Date()
  const failures: MigrationReport['failures'] = []
  const tickets: NonNullable<MigrationReport['tickets']> = []
  for (const kind of ['organization', 'person', 'ticket', 'comment', 'attachment', 'time-entry', 'relation'] as const) {
    for await (const record of options.ledger.allOfKind(kind)) {
      if (kind === 'ticket') tickets.push({ sourceId: record.sourceId, targetId: record.targetId, state: record.state })
      if (record.error && (record.state === 'failed' || record.state === 'created' || record.state === 'pending')) {
        failures.push({ kind, sourceId: record.sourceId, targetId: record.targetId, reason: record.error, state: record.state })
      }
    }
  }
  return {
    source: options.source,
    target: options.target,
    dryRun: options.dryRun,
    startedAt: options.startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    durationSeconds: (finishedAt.getTime() - options.startedAt.getTime()) / 1000,
    counts: options.counts,
    ledgerTotals: await options.ledger.counts(),
    phases: migrationPhases(await options.ledger.runs()),
    warnings: await collect(options.ledger.warnings()),
    failures,
    tickets,
    ...(options.preflight ? { preflight: options.preflight } : {}),
    ...(options.verify ? { verify: options.verify } : {}),
    ...(options.transientRetries ? { transientRetries: options.transientRetries } : {}),
    ...(options.requests ? { requests: options.requests } : {}),
  }
}
