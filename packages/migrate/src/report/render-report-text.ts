import { describeRequests } from './describe-requests'
import type { MigrationReport } from './migration-report'

function table(head: string[], rows: (string | number)[][]): string {
  const widths = head.map((heading, column) => Math.max(heading.length, ...rows.map((row) => String(row[column] ?? '').length)))
  const line = (cells: (string | number)[]) =>
    `| ${cells.map((cell, column) => (typeof cell === 'number' ? String(cell).padStart(widths[column]!) : String(cell).padEnd(widths[column]!))).join(' | ')} |`
  const rule = `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`
  return [line(head), rule, ...rows.map(line)].join('\n')
}

/** The report as terminal text: counts per entity, verification, then grouped warnings and failures. */
export function renderReportText(report: MigrationReport, options: { maxListed?: number } = {}): string {
  const maxListed = options.maxListed ?? 20
  const sections: string[] = []
  sections.push(`${report.dryRun ? 'DRY RUN (nothing written): ' : ''}${report.source} → ${report.target} in ${report.durationSeconds.toFixed(1)} s`)
  sections.push(
    table(
      ['entity', 'read', 'created', 'updated', 'skipped', 'failed'],
      Object.entries(report.counts).map(([entity, count]) => [entity, count.read, count.created, count.updated, count.skipped, count.failed]),
    ),
  )
  const requests = describeRequests(report)
  if (requests) sections.push(requests)
  const retries = report.transientRetries
  if (retries && retries.tickets > 0) {
    sections.push(
      `Transient failures (rate limits, 5xx, dropped connections): ${retries.tickets} tickets tried again in ${retries.rounds} round${retries.rounds === 1 ? '' : 's'}` +
        (retries.leftForNextRun > 0 ? `; ${retries.leftForNextRun} still failing, left for the next run (--resume).` : '; all went through.'),
    )
  }
  if (report.verify) {
    const verify = report.verify
    sections.push(`Verify: ${verify.passed ? 'PASSED' : 'FAILED'}`)
    sections.push(
      table(
        ['check', 'source', 'target'],
        [
          ['tickets', verify.tickets.checked, verify.tickets.matched],
          ['comments', verify.comments.source, verify.comments.target],
          ['attachments (bytes identical)', verify.attachments.source, verify.attachments.bytesIdentical],
          // Reports saved before time entries and relations were verified have neither.
          ...(verify.timeEntries
            ? [
                ['time entries', verify.timeEntries.source, verify.timeEntries.target],
                ['minutes worked', verify.timeEntries.sourceMinutes, verify.timeEntries.targetMinutes],
              ]
            : []),
          ...(verify.relations ? [['relations', verify.relations.source, verify.relations.target]] : []),
          ...Object.entries(verify.statusCategories).map(([category, tally]): (string | number)[] => [
            `status ${category}`,
            tally.source,
            tally.target,
          ]),
        ],
      ),
    )
    for (const difference of verify.differences.slice(0, maxListed)) {
      sections.push(
        `  difference: ${difference.field} of ${difference.sourceId} → ${difference.targetId}: ${difference.source} ≠ ${difference.target}`,
      )
    }
  }
  if (report.warnings.length > 0) {
    const grouped = new Map<string, number>()
    for (const { warning } of report.warnings) {
      const key = `${warning.type} ${warning.field ?? ''}: ${warning.message}`
      grouped.set(key, (grouped.get(key) ?? 0) + 1)
    }
    sections.push(`Warnings (${report.warnings.length}; every one is in the JSON and HTML reports with its record ids):`)
    sections.push(
      table(
        ['records', 'warning'],
        [...grouped.entries()]
          .sort((left, right) => right[1] - left[1])
          .slice(0, maxListed)
          .map(([text, total]) => [total, text]),
      ),
    )
  }
  if (report.failures.length > 0) {
    sections.push(`Failures (${report.failures.length}; retry them with --retry-failed):`)
    sections.push(
      table(
        ['kind', 'source id', 'reason'],
        report.failures.slice(0, maxListed).map((failure) => [failure.kind, failure.sourceId, failure.reason.slice(0, 120)]),
      ),
    )
  }
  return sections.join('\n\n')
}
