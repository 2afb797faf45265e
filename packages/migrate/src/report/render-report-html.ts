import { phaseColumns, phaseRow } from './migration-phases'
import { classifyFailure, describeFailureCounts } from './classify-failure'
import { describeRequests } from './describe-requests'
import { escapeCell, foldedIds, htmlTable } from './html-table'
import type { MigrationReport } from './migration-report'
import { countOf, describeNotifications, hasNeedsAttention, needsAttention } from './needs-attention'
import { reportPageStyle } from './report-page-style'
import { outcomeBarsSvg } from './report-charts'
import { preflightSection, ticketsSection, verificationSection, warningsSection } from './render-report-html-details'
import { ledgerRows, outcomeColumns, runRows } from './report-rows'
import { reportVerdict } from './report-verdict'

/**
 * The report as one self-contained HTML page (no scripts, no external assets: charts are inline
 * SVG), what needs a decision first: the verdict, the failures, what needs attention, the records
 * moved (this run and the whole migration), the verification, the warnings, the ticket ids.
 */
export function renderReportHtml(report: MigrationReport): string {
  const sections = [
    verdictSection(report),
    failuresSection(report),
    needsAttentionSection(report),
    recordsSection(report),
    verificationSection(report),
    warningsSection(report),
    preflightSection(report),
    ticketsSection(report),
  ].filter((section) => section !== '')
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>ticketbridge migration ${escapeCell(report.source)} → ${escapeCell(report.target)}</title>
<style>
${reportPageStyle}
</style></head><body>
${sections.join('\n')}
</body></html>
`
}

/** The banner: the verdict in one word or two (a dry run is never shown as verified), and what it rests on. */
function verdictSection(report: MigrationReport): string {
  const verdict = reportVerdict(report)
  // `ok` and `bad` mark the outcome as the page always has (the demo's check reads `<span class="ok">verified</span>`).
  const mark = verdict.kind === 'verified' ? 'ok' : verdict.kind === 'verification-failed' ? 'bad' : 'plain'
  const facts = [
    `started ${report.startedAt}`,
    `${report.durationSeconds.toFixed(1)} s`,
    `${report.failures.length.toLocaleString('en-US')} failure${report.failures.length === 1 ? '' : 's'}`,
    `${report.warnings.length.toLocaleString('en-US')} warning${report.warnings.length === 1 ? '' : 's'}`,
  ]
  return `<section id="verdict" class="verdict verdict-${verdict.kind}">
<p class="verdict-title"><span class="${mark}">${escapeCell(verdict.title)}</span></p>
<h1>${escapeCell(report.source)} → ${escapeCell(report.target)}${report.dryRun ? ' (dry run)' : ''}</h1>
<p>${escapeCell(verdict.detail)}</p>
<p class="muted">${facts.map(escapeCell).join(' · ')}</p>
</section>`
}

/** Every failure, those that need a change before they can succeed first, each saying whether trying again helps. */
function failuresSection(report: MigrationReport): string {
  if (report.failures.length === 0) return '<section id="failures"><h2>Failures (0)</h2><p>Nothing failed.</p></section>'
  const classified = report.failures.map((failure) => ({ failure, ...classifyFailure(failure, report.target) }))
  const ordered = [...classified.filter((entry) => !entry.retryable), ...classified.filter((entry) => entry.retryable)]
  const rows = ordered.map(({ failure, retryable, advice, reason }) => [
    failure.kind,
    failure.sourceId,
    failure.targetId ?? '',
    { html: `<span class="${retryable ? 'ok' : 'bad'}">${retryable ? 'yes' : 'no'}</span> ${escapeCell(advice.replace(/^(yes|no): /, ''))}` },
    reason,
  ])
  return `<section id="failures"><h2>Failures (${report.failures.length.toLocaleString('en-US')})</h2>
<p>${escapeCell(sentence(describeFailureCounts(classified)))}</p>
${htmlTable(['kind', 'source id', 'target id', 'retry', 'reason'], rows, 'failures wide')}
</section>`
}

/** Notifications sent (or that a real run would send), unmapped values, required fields left empty, people and organizations without a counterpart. */
function needsAttentionSection(report: MigrationReport): string {
  const attention = needsAttention(report)
  if (!hasNeedsAttention(attention)) return '<section id="needs-attention"><h2>Needs attention</h2><p>Nothing.</p></section>'
  const parts = ['<section id="needs-attention"><h2>Needs attention</h2>']
  if (attention.notifications.length > 0) {
    parts.push(`<h3>Notifications</h3><p class="warn">${escapeCell(describeNotifications(report, attention.notifications))}</p>`)
    parts.push(
      htmlTable(
        ['records', 'source ids'],
        attention.notifications.map(({ kind, sourceIds }) => [countOf(kind, sourceIds.length), foldedIds(sourceIds)]),
      ),
    )
  }
  if (attention.unmapped.length > 0) {
    parts.push('<h3>Values with no counterpart in the target</h3>')
    parts.push(
      htmlTable(
        ['kind', 'value', 'tickets'],
        attention.unmapped.map((value) => [value.kind, value.value, value.count]),
      ),
    )
  }
  if (attention.missingRequired.length > 0) {
    parts.push('<h3>Required target fields left empty</h3>')
    parts.push(
      htmlTable(
        ['field', 'tickets'],
        attention.missingRequired.map((field) => [field.field, field.count]),
      ),
    )
  }
  if (attention.withoutCounterpart.length > 0) {
    parts.push('<h3>People and organizations without a counterpart</h3>')
    parts.push(
      htmlTable(
        ['in the source', 'in the target', 'records'],
        attention.withoutCounterpart.map((entry) => [entry.subject, entry.consequence, foldedIds(entry.records, 'record')]),
      ),
    )
  }
  parts.push('</section>')
  return parts.join('\n')
}

/** What this run did per entity (a chart and a table) beside where the whole migration stands, then the requests and retries. */
function recordsSection(report: MigrationReport): string {
  const rows = runRows(report)
  const whole = ledgerRows(report)
  const parts = ['<section id="records"><h2>Records</h2>', outcomeBarsSvg(rows), '<div class="side-by-side">']
  parts.push(
    `<div><h3>This run</h3>${htmlTable(
      ['entity', 'read', ...outcomeColumns],
      rows.map((row) => [row.label, row.read, ...outcomeColumns.map((column) => row[column])]),
    )}</div>`,
  )
  if (whole.length > 0) {
    parts.push(
      `<div><h3>Whole migration (all runs of this ledger)</h3>${htmlTable(
        ['entity', 'records', 'completed', 'unfinished', 'failed', 'skipped'],
        whole.map((row) => [row.label, row.records, row.completed, row.unfinished, row.failed, row.skipped]),
      )}</div>`,
    )
  }
  parts.push('</div>')
  const phases = report.phases ?? []
  if (phases.length > 1) parts.push(`<h3>Phases (runs of this ledger, oldest first)</h3>${htmlTable([...phaseColumns], phases.map(phaseRow))}`)
  const requests = describeRequests(report)
  if (requests) parts.push(`<p>${escapeCell(requests)}</p>`)
  const retries = report.transientRetries
  if (retries && retries.tickets > 0) {
    parts.push(
      `<p>Transient failures (rate limits, 5xx, dropped connections): ${retries.tickets} tickets tried again in ${retries.rounds} round${retries.rounds === 1 ? '' : 's'}${
        retries.leftForNextRun > 0
          ? `; <span class="bad">${retries.leftForNextRun} still failing</span>, left for the next run (--resume).`
          : '; all went through.'
      }</p>`,
    )
  }
  parts.push('</section>')
  return parts.join('\n')
}

/** `it can succeed …` as a sentence of its own. */
const sentence = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}.`
