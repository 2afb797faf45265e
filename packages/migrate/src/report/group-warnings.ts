import type { MigrationReport } from './migration-report'

/** Warnings that say the same thing, once, with the records that raised it. */
export interface WarningGroup {
  type: string
  field?: string
  message: string
  /** The kinds of record that raised it (`ticket`, `comment`, …). */
  kinds: string[]
  /** `kind sourceId` of every record that raised it, in the order raised. */
  records: string[]
}

/** The report's warnings grouped by type, field and message, the most frequent first. */
export function groupWarnings(warnings: MigrationReport['warnings']): WarningGroup[] {
  const groups = new Map<string, WarningGroup>()
  for (const { kind, sourceId, warning } of warnings) {
    const key = `${warning.type}\u0000${warning.field ?? ''}\u0000${warning.message}`
    let group = groups.get(key)
    if (!group) {
      group = {
        type: warning.type,
        ...(warning.field !== undefined ? { field: warning.field } : {}),
        message: warning.message,
        kinds: [],
        records: [],
      }
      groups.set(key, group)
    }
    if (!group.kinds.includes(kind)) group.kinds.push(kind)
    group.records.push(`${kind} ${sourceId}`)
  }
  return [...groups.values()].sort((left, right) => right.records.length - left.records.length)
}
