import { escapeCell, foldedIds, type HtmlCell, htmlTable } from './html-table'
import { groupWarnings } from './group-warnings'
import type { MigrationReport } from './migration-report'
import { statusCategoriesSvg } from './report-charts'
import { verificationRows } from './verification-rows'

/** The HTML report's later sections: what backs the verdict up, and the detail to look things up in. */

export function verificationSection(report: MigrationReport): string {
  const { verify } = report
  if (!verify)
    return '<section id="verification"><h2>Verification</h2><p>Not verified: run <code>ticketbridge verify</code> with this ledger.</p></section>'
  const parts = [
    `<section id="verification"><h2>Verification: <span class="${verify.passed ? 'ok' : 'bad'}">${verify.passed ? 'passed' : 'failed'}</span>${
      report.dryRun ? ' (against the dry run’s stand-in, not the target)' : ''
    }</h2>`,
  ]
  if (Object.keys(verify.statusCategories).length > 0)
    parts.push('<h3>Tickets per status category</h3>', statusCategoriesSvg(verify.statusCategories))
  parts.push(htmlTable(['check', 'source', 'target'], verificationRows(verify)))
  if (verify.differences.length > 0) {
    parts.push(`<h3>Differences (${verify.differences.length.toLocaleString('en-US')})</h3>`)
    parts.push(
      htmlTable(
        ['source id', 'target id', 'field', 'source', 'target'],
        verify.differences.map((difference) => [difference.sourceId, difference.targetId, difference.field, difference.source, difference.target]),
      ),
    )
  }
  parts.push('</section>')
  return parts.join('\n')
}

/** Warnings grouped as in the terminal, the most frequent first; each group's records folded away. */
export function warningsSection(report: MigrationReport): string {
  const groups = groupWarnings(report.warnings)
  if (groups.length === 0) return '<section id="warnings"><h2>Warnings (0)</h2><p>None.</p></section>'
  return `<section id="warnings"><h2>Warnings (${report.warnings.length.toLocaleString('en-US')} in ${groups.length} kinds)</h2>
${htmlTable(
  ['records', 'on', 'type', 'field', 'warning', 'source ids'],
  groups.map((group) => [
    group.records.length,
    group.kinds.join(', '),
    group.type,
    group.field ?? '',
    group.message,
    foldedIds(group.records, 'record'),
  ]),
  'wide',
)}
</section>`
}

export function preflightSection(report: MigrationReport): string {
  const { preflight } = report
  if (!preflight) return ''
  const parts = [
    '<section id="preflight"><h2>Preflight</h2>',
    `<p>${preflight.tickets.toLocaleString('en-US')} tickets; estimated ${preflight.estimate.requests.source.toLocaleString('en-US')} requests to ${escapeCell(preflight.source.vendor)} and ${preflight.estimate.requests.target.toLocaleString('en-US')} to ${escapeCell(preflight.target.vendor)}.</p>`,
  ]
  if (preflight.degradations.length > 0) parts.push(`<ul>${preflight.degradations.map((text) => `<li>${escapeCell(text)}</li>`).join('')}</ul>`)
  parts.push('</section>')
  return parts.join('\n')
}

/** Ledger states as the ticket table says them. */
const ticketStates: Record<string, string> = {
  completed: 'moved',
  created: 'unfinished',
  pending: 'sent, no answer yet',
  failed: 'failed',
  skipped: 'skipped',
}

/** Tickets listed open up to this many; a longer list is folded away (it is still all there). */
const ticketsShownOpen = 500

/** Every ticket of the ledger, source id → target id, each linked to its page where the report knows the address. */
export function ticketsSection(report: MigrationReport): string {
  const tickets = report.tickets
  if (!tickets || tickets.length === 0) return ''
  const link = (pattern: string | undefined, id: string | null): string | HtmlCell => {
    if (id === null) return ''
    // Only web addresses: a pattern is data from a file, never a script.
    if (!pattern || !/^https?:\/\//i.test(pattern)) return id
    return { html: `<a href="${escapeCell(pattern.replaceAll('{id}', encodeURIComponent(id)))}">${escapeCell(id)}</a>` }
  }
  const rows = tickets.map((ticket) => [
    link(report.ticketWebUrl?.source, ticket.sourceId),
    link(report.ticketWebUrl?.target, ticket.targetId),
    ticketStates[ticket.state] ?? ticket.state,
  ])
  return `<section id="tickets"><h2>Tickets (${tickets.length.toLocaleString('en-US')})</h2>
<details${tickets.length <= ticketsShownOpen ? ' open' : ''}><summary>Source id → target id of every ticket this ledger knows</summary>
${htmlTable([`${report.source} id`, `${report.target} id`, 'state'], rows, 'tickets')}
</details>
</section>`
}
