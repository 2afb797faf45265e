import type { EntityCounts } from '../engine/migration-context'
import type { MigrationReport } from './migration-report'

/** The outcome columns of a run, in the order the reports show them. */
export const outcomeColumns = ['created', 'matched', 'updated', 'skipped', 'failed'] as const
export type OutcomeColumn = (typeof outcomeColumns)[number]

/** One entity's row of "This run": what was read, and where each record landed. */
export type RunRow = { label: string; read: number } & Record<OutcomeColumn, number>

/** One kind's row of "Whole migration": where the ledger's records stand after every run so far. */
export interface LedgerRow {
  label: string
  records: number
  completed: number
  /** On the target with work left under it (`created`), or sent with no answer yet (`pending`): the next run continues them. */
  unfinished: number
  failed: number
  skipped: number
}

const entityLabels: Record<string, string> = { timeEntries: 'time entries' }
/** Ledger kinds in the order of the run's entities, named as the run's rows are. */
const ledgerKinds: [kind: string, label: string][] = [
  ['organization', 'organizations'],
  ['person', 'people'],
  ['ticket', 'tickets'],
  ['comment', 'comments'],
  ['attachment', 'attachments'],
  ['time-entry', 'time entries'],
  ['relation', 'relations'],
]

/** The run's counts as rows; a report saved before `matched` existed reads it as 0. */
export function runRows(report: MigrationReport): RunRow[] {
  return Object.entries(report.counts).map(([entity, count]) => {
    const saved = count as Partial<EntityCounts>
    return {
      label: entityLabels[entity] ?? entity,
      read: saved.read ?? 0,
      created: saved.created ?? 0,
      matched: saved.matched ?? 0,
      updated: saved.updated ?? 0,
      skipped: saved.skipped ?? 0,
      failed: saved.failed ?? 0,
    }
  })
}

/** The ledger's totals (`await ledger.counts()`) as rows, every kind it holds; empty for a report saved without them. */
export function ledgerRows(report: MigrationReport): LedgerRow[] {
  const totals = report.ledgerTotals ?? {}
  const known = new Set(ledgerKinds.map(([kind]) => kind))
  const kinds = [
    ...ledgerKinds.filter(([kind]) => totals[kind]),
    ...Object.keys(totals).flatMap((kind) => (known.has(kind) ? [] : [[kind, kind] as [string, string]])),
  ]
  return kinds.map(([kind, label]) => {
    const states = totals[kind] ?? {}
    const of = (state: string) => states[state] ?? 0
    return {
      label,
      records: Object.values(states).reduce((sum, count) => sum + count, 0),
      completed: of('completed'),
      unfinished: of('created') + of('pending'),
      failed: of('failed'),
      skipped: of('skipped'),
    }
  })
}
