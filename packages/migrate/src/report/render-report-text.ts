import { classifyFailure, describeFailureCounts } from './classify-failure'
import { describeRequests } from './describe-requests'
import { groupWarnings } from './group-warnings'
import { phaseColumns, phaseRow } from './migration-phases'
import type { MigrationReport } from './migration-report'
import { describeNotifications, describeWithoutCounterpart, hasNeedsAttention, needsAttention } from './needs-attention'
import { ledgerRows, outcomeColumns, runRows } from './report-rows'
import { reportVerdict } from './report-verdict'
import { verificationRows } from './verification-rows'

function table(head: string[], rows: (string | number)[][]): string {
  const widths = head.map((heading, column) => Math.max(heading.length, ...rows.map((row) => String(row[column] ?? '').length)))
  const line = (cells: (string | number)[]) =>
    `| ${cells.map((cell, column) => (typeof cell === 'number' ? String(cell).padStart(widths[column]!) : String(cell).padEnd(widths[column]!))).join(' | ')} |`
  const rule = `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`
  return [line(head), rule, ...rows.map(line)].join('\n')
}

const listedOf = (shown: number, total: number) => (shown < total ? ` (the first ${shown}; every one is in the JSON and HTML reports)` : '')

/**
 * The report as terminal text, what needs a decision first: the verdict, the failures (whether
 * trying again helps), what needs attention, then this run's counts beside the whole migration's,
 * the verification and the warnings grouped.
 */
export function renderReportText(report: MigrationReport, options: { maxListed?: number } = {}): string {
  const maxListed = options.maxListed ?? 20
  const verdict = reportVerdict(report)
  const sections: string[] = [
    `${verdict.title.toUpperCase()}${report.dryRun ? ' (nothing written)' : ''}: ${report.source} → ${report.target} in ${report.durationSeconds.toFixed(1)} s. ${verdict.detail}`,
  ]
  if (report.failures.length > 0) {
    const classified = report.failures.map((failure) => classifyFailure(failure, report.target))
    const shown = report.failures.slice(0, maxListed)
    sections.push(`Failures (${report.failures.length}; ${describeFailureCounts(classified)})${listedOf(shown.length, report.failures.length)}:`)
    sections.push(
      table(
        ['kind', 'source id', 'retry', 'reason'],
        shown.map((failure, index) => [failure.kind, failure.sourceId, classified[index]!.advice, classified[index]!.reason.slice(0, 160)]),
      ),
    )
  }
  sections.push(...needsAttentionText(report, maxListed))
  sections.push('This run:')
  sections.push(
    table(
      ['entity', 'read', ...outcomeColumns],
      runRows(report).map((row) => [row.label, row.read, ...outcomeColumns.map((column) => row[column])]),
    ),
  )
  const whole = ledgerRows(report)
  if (whole.length > 0) {
    sections.push('Whole migration (all runs of this ledger):')
    sections.push(
      table(
        ['entity', 'records', 'completed', 'unfinished', 'failed', 'skipped'],
        whole.map((row) => [row.label, row.records, row.completed, row.unfinished, row.failed, row.skipped]),
      ),
    )
  }
  const phases = report.phases ?? []
  if (phases.length > 1) {
    sections.push(`Phases (${phases.length} runs of this ledger, oldest first):`)
    sections.push(table([...phaseColumns], phases.map(phaseRow)))
  }
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
    sections.push(`Verify: ${verify.passed ? 'PASSED' : 'FAILED'}${report.dryRun ? ' (against the dry run’s stand-in, not the target)' : ''}`)
    sections.push(table(['check', 'source', 'target'], verificationRows(verify)))
    for (const difference of verify.differences.slice(0, maxListed)) {
      sections.push(
        `  difference: ${difference.field} of ${difference.sourceId} → ${difference.targetId}: ${difference.source} ≠ ${difference.target}`,
      )
    }
  }
  if (report.warnings.length > 0) {
    const groups = groupWarnings(report.warnings)
    sections.push(`Warnings (${report.warnings.length} in ${groups.length} kinds; every one is in the JSON and HTML reports with its record ids):`)
    sections.push(
      table(
        ['records', 'warning'],
        groups.slice(0, maxListed).map((group) => [group.records.length, `${group.type} ${group.field ?? ''}: ${group.message}`]),
      ),
    )
  }
  return sections.join('\n\n')
}

/** "Needs attention": notifications sent or due, unmapped values, required fields left empty, people and organizations without a counterpart. */
function needsAttentionText(report: MigrationReport, maxListed: number): string[] {
  const attention = needsAttention(report)
  if (!hasNeedsAttention(attention)) return []
  const lines: string[] = []
  if (attention.notifications.length > 0) lines.push(`  notifications: ${describeNotifications(report, attention.notifications)}`)
  for (const value of attention.unmapped.slice(0, maxListed)) lines.push(`  unmapped ${value.kind}: ${value.value} (${value.count} tickets)`)
  for (const field of attention.missingRequired.slice(0, maxListed))
    lines.push(`  required target field left empty: ${field.field} (${field.count} tickets)`)
  for (const entry of attention.withoutCounterpart.slice(0, maxListed)) lines.push(`  ${describeWithoutCounterpart(entry)}`)
  return [`Needs attention:\n${lines.join('\n')}`]
}
