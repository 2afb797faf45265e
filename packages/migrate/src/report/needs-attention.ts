import type { PreflightReport } from '../engine/preflight'
import type { MigrationReport } from './migration-report'

/** What someone should look at after a run, beyond its failures: drawn from the warnings and the preflight. */
export interface NeedsAttention {
  /** Writes the target could not keep quiet (it cannot suppress notifications): people may have been, or in a dry run would be, emailed. */
  notifications: { kind: string; sourceIds: string[] }[]
  /** Source values with no counterpart in the target, with how many tickets carry each. */
  unmapped: PreflightReport['unmapped']
  /** Required target fields the mapping leaves empty. */
  missingRequired: PreflightReport['missingRequired']
  /** People and organizations with no counterpart in the target: who, what stood in, and the records that named them. */
  withoutCounterpart: { subject: string; consequence: string; records: string[] }[]
}

/** The adapters' warning that a write could not be kept silent (core's silentWarning), or any warning about notifications, scrips or auto-replies. */
function isNotificationWarning(warning: MigrationReport['warnings'][number]['warning']): boolean {
  return warning.field === 'silent' || /\bnotif(?:y|ies|ied|ication)|\bscrips?\b|auto-?repl/i.test(warning.message)
}

/**
 * The engine's warning when a person or organization has no counterpart (resolve-directory.ts,
 * always `substituted`; an unmapped queue or type says the same words as `unsupported`, and is
 * listed with the unmapped values).
 */
const noCounterpart = /^(.+?) has no counterpart in the target(?: and no default is set)?; (.+?)\.?$/

/** Record kinds in the order the reports list entities. */
const kindOrder = ['organization', 'person', 'ticket', 'comment', 'attachment', 'time-entry', 'relation']
const byKind = (left: string, right: string) => (kindOrder.indexOf(left) >>> 0) - (kindOrder.indexOf(right) >>> 0)

export function needsAttention(report: MigrationReport): NeedsAttention {
  const notifications = new Map<string, string[]>()
  const withoutCounterpart = new Map<string, NeedsAttention['withoutCounterpart'][number]>()
  for (const { kind, sourceId, warning } of report.warnings) {
    if (isNotificationWarning(warning)) {
      const sourceIds = notifications.get(kind) ?? []
      if (!sourceIds.includes(sourceId)) sourceIds.push(sourceId)
      notifications.set(kind, sourceIds)
      continue
    }
    const unmatched = warning.type === 'substituted' ? noCounterpart.exec(warning.message) : null
    if (!unmatched) continue
    const [, subject, consequence] = unmatched
    const entry = withoutCounterpart.get(subject!) ?? { subject: subject!, consequence: consequence!, records: [] }
    entry.records.push(`${kind} ${sourceId}`)
    withoutCounterpart.set(subject!, entry)
  }
  return {
    notifications: [...notifications].sort(([left], [right]) => byKind(left, right)).map(([kind, sourceIds]) => ({ kind, sourceIds })),
    unmapped: report.preflight?.unmapped ?? [],
    missingRequired: report.preflight?.missingRequired ?? [],
    withoutCounterpart: [...withoutCounterpart.values()].sort((left, right) => right.records.length - left.records.length),
  }
}

export function hasNeedsAttention(attention: NeedsAttention): boolean {
  return attention.notifications.length + attention.unmapped.length + attention.missingRequired.length + attention.withoutCounterpart.length > 0
}

const plurals: Record<string, string> = { person: 'people', 'time-entry': 'time entries', attachment: 'files' }

/** `30 tickets`, `1 comment`, `2 people`. */
export function countOf(kind: string, count: number): string {
  if (count === 1) return `1 ${kind === 'attachment' ? 'file' : kind.replace('-', ' ')}`
  return `${count.toLocaleString('en-US')} ${plurals[kind] ?? `${kind}s`}`
}

/** `halo cannot suppress notifications: these writes may have emailed requesters and staff: 30 tickets, 12 comments.` */
export function describeNotifications(report: MigrationReport, notifications: NeedsAttention['notifications']): string {
  const writes = notifications.map(({ kind, sourceIds }) => countOf(kind, sourceIds.length)).join(', ')
  return report.dryRun
    ? `${report.target} cannot suppress notifications through its API: a real run would email requesters and staff for ${writes}.`
    : `${report.target} cannot suppress notifications through its API: requesters and staff may have been emailed for ${writes}.`
}

/** `Avery Example <avery@northwind.example> (contact 12): no counterpart in the target; the mapping's default person stands in (14 records).` */
export function describeWithoutCounterpart(entry: NeedsAttention['withoutCounterpart'][number]): string {
  return `${entry.subject}: no counterpart in the target; ${entry.consequence} (${countOf('record', entry.records.length)}).`
}
