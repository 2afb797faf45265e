import { describeRequests } from './describe-requests'
import { escapeHtml } from '@ticketbridge/core'
import type { MigrationReport } from './migration-report'

const escapeCell = (value: unknown) => escapeHtml(String(value))

function htmlTable(head: string[], rows: unknown[][]): string {
  return `<table><thead><tr>${head.map((cell) => `<th>${escapeCell(cell)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((row) => `<tr>${row.map((cell) => `<td${typeof cell === 'number' ? ' class="number"' : ''}>${escapeCell(cell)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`
}

/** The report as one self-contained HTML page (no scripts, no external assets): open it anywhere. */
export function renderReportHtml(report: MigrationReport): string {
  const verify = report.verify
  const status = verify ? (verify.passed ? '<span class="ok">verified</span>' : '<span class="bad">verification failed</span>') : 'not verified'
  const parts = [
    `<h1>${escapeCell(report.source)} → ${escapeCell(report.target)}${report.dryRun ? ' (dry run)' : ''}</h1>`,
    `<p>${escapeCell(report.startedAt)} · ${report.durationSeconds.toFixed(1)} s · ${status} · ${report.warnings.length} warnings · ${report.failures.length} failures</p>`,
    '<h2>Records</h2>',
    htmlTable(
      ['entity', 'read', 'created', 'updated', 'skipped', 'failed'],
      Object.entries(report.counts).map(([entity, count]) => [entity, count.read, count.created, count.updated, count.skipped, count.failed]),
    ),
  ]
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
  if (verify) {
    parts.push('<h2>Verification</h2>')
    parts.push(
      htmlTable(
        ['check', 'source', 'target'],
        [
          ['tickets', verify.tickets.checked, verify.tickets.matched],
          ['comments', verify.comments.source, verify.comments.target],
          ['attachments with identical bytes', verify.attachments.source, verify.attachments.bytesIdentical],
          // Reports saved before time entries and relations were verified have neither.
          ...(verify.timeEntries
            ? [
                ['time entries', verify.timeEntries.source, verify.timeEntries.target],
                ['minutes worked', verify.timeEntries.sourceMinutes, verify.timeEntries.targetMinutes],
              ]
            : []),
          ...(verify.relations ? [['relations', verify.relations.source, verify.relations.target]] : []),
          ...Object.entries(verify.statusCategories).map(([category, tally]) => [`status: ${category}`, tally.source, tally.target]),
        ],
      ),
    )
    if (verify.differences.length > 0)
      parts.push(
        htmlTable(
          ['source id', 'target id', 'field', 'source', 'target'],
          verify.differences.map((difference) => [difference.sourceId, difference.targetId, difference.field, difference.source, difference.target]),
        ),
      )
  }
  if (report.preflight) {
    const preflight = report.preflight
    parts.push('<h2>Preflight</h2>')
    parts.push(
      `<p>${preflight.tickets} tickets; estimated ${preflight.estimate.requests.source} requests to ${escapeCell(preflight.source.vendor)} and ${preflight.estimate.requests.target} to ${escapeCell(preflight.target.vendor)}.</p>`,
    )
    if (preflight.degradations.length > 0) parts.push(`<ul>${preflight.degradations.map((text) => `<li>${escapeCell(text)}</li>`).join('')}</ul>`)
    if (preflight.unmapped.length > 0)
      parts.push(
        htmlTable(
          ['unmapped', 'value', 'tickets'],
          preflight.unmapped.map((value) => [value.kind, value.value, value.count]),
        ),
      )
  }
  parts.push(`<h2>Warnings (${report.warnings.length})</h2>`)
  parts.push(
    htmlTable(
      ['kind', 'source id', 'type', 'field', 'message'],
      report.warnings.map(({ kind, sourceId, warning }) => [kind, sourceId, warning.type, warning.field ?? '', warning.message]),
    ),
  )
  parts.push(`<h2>Failures (${report.failures.length})</h2>`)
  parts.push(
    htmlTable(
      ['kind', 'source id', 'target id', 'reason'],
      report.failures.map((failure) => [failure.kind, failure.sourceId, failure.targetId ?? '', failure.reason]),
    ),
  )
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>ticketbridge migration ${escapeCell(report.source)} → ${escapeCell(report.target)}</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:72rem;color:#1b1f24;padding:0 1rem}
h1{font-size:1.5rem}h2{font-size:1.1rem;margin-top:2rem;border-bottom:1px solid #d0d7de}
table{border-collapse:collapse;margin:.5rem 0;width:100%}th,td{border:1px solid #d0d7de;padding:.3rem .6rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}td.number{text-align:right;font-variant-numeric:tabular-nums}.ok{color:#1a7f37;font-weight:600}.bad{color:#cf222e;font-weight:600}
</style></head><body>
${parts.join('\n')}
</body></html>
`
}
