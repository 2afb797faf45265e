import { describe, expect, it } from 'vitest'
import { emptyCounts } from '../engine/migration-context'
import type { VerifyReport } from '../verify/verify-migration'
import type { MigrationReport } from './migration-report'
import { renderReportHtml } from './render-report-html'
import { renderReportText } from './render-report-text'
import { sampleReport } from './sample-reports'

const verify: VerifyReport = {
  tickets: { checked: 3, matched: 3 },
  comments: { source: 4, target: 4 },
  attachments: { source: 1, target: 1, bytesIdentical: 1 },
  timeEntries: { source: 5, target: 5, sourceMinutes: 172.5, targetMinutes: 172.5 },
  relations: { source: 2, target: 1 },
  statusCategories: { open: { source: 3, target: 3 } },
  sampledFieldChecks: 3,
  differences: [{ sourceId: '7/related/9', targetId: '17/related/19', field: 'relation', source: 'present', target: 'missing' }],
  passed: false,
}

const passed: VerifyReport = { ...verify, relations: { source: 2, target: 2 }, differences: [], passed: true }

function report(overrides: Partial<MigrationReport> = {}): MigrationReport {
  const counts = emptyCounts()
  counts.timeEntries = { read: 5, created: 4, matched: 0, updated: 0, skipped: 1, failed: 0 }
  counts.relations = { read: 2, created: 1, matched: 0, updated: 0, skipped: 0, failed: 1 }
  return {
    source: 'rt',
    target: 'halo',
    dryRun: false,
    startedAt: '2024-05-01T00:00:00.000Z',
    finishedAt: '2024-05-01T00:00:05.000Z',
    durationSeconds: 5,
    counts,
    ledgerTotals: {},
    warnings: [],
    failures: [{ kind: 'relation', sourceId: '7/related/9', targetId: null, reason: 'refused' }],
    verify,
    ...overrides,
  }
}

describe('report renderers', () => {
  it('show time entries and relations in the counts and the verification', () => {
    const text = renderReportText(report())
    expect(text).toMatch(/\| time entries +\| +5 \| +4 \| +0 \| +0 \| +1 \| +0 \|/)
    expect(text).toMatch(/\| relations +\| +2 \| +1 \| +0 \| +0 \| +0 \| +1 \|/)
    expect(text).toMatch(/\| time entries +\| +5 \| +5 \|/)
    expect(text).toMatch(/\| minutes worked +\| +172\.5 \| +172\.5 \|/)
    expect(text).toMatch(/\| relations +\| +2 \| +1 \|/)
    expect(text).toContain('difference: relation of 7/related/9 → 17/related/19: present ≠ missing')
    const html = renderReportHtml(report())
    expect(html).toContain('<tr><td>time entries</td><td class="number">5</td><td class="number">4</td><td class="number">0</td>')
    expect(html).toContain('<tr><td>minutes worked</td><td class="number">172.5</td><td class="number">172.5</td></tr>')
    expect(html).toContain('<tr><td>relations</td><td class="number">2</td><td class="number">1</td></tr>')
  })

  it('still render a report saved before time entries, relations, matched, failure states and ticket ids were kept', () => {
    const { timeEntries: _timeEntries, relations: _relations, ...older } = verify
    const counts = Object.fromEntries(
      Object.entries(emptyCounts()).map(([entity, { matched: _matched, ...count }]) => [entity, { ...count, read: 2, created: 2 }]),
    ) as unknown as MigrationReport['counts']
    const saved = report({ verify: older as VerifyReport, counts })
    const text = renderReportText(saved)
    expect(text).not.toContain('minutes worked')
    expect(text).toMatch(/\| tickets +\| +2 \| +2 \| +0 \| +0 \| +0 \| +0 \|/)
    const html = renderReportHtml(saved)
    expect(html).toContain('attachments with identical bytes')
    expect(html).not.toContain('NaN')
    expect(html).not.toContain('id="tickets"')
  })

  it('lead with the verdict, and a dry run is never verified', () => {
    expect(renderReportText(report())).toMatch(/^VERIFICATION FAILED: rt → halo in 5\.0 s\. 1 difference/)
    expect(renderReportText(report({ verify: passed, failures: [] }))).toMatch(/^VERIFIED: rt → halo/)
    expect(renderReportText(report({ verify: passed }))).toMatch(/^FAILURES: rt → halo .* 1 failure; what moved is verified/)
    expect(renderReportText(report({ verify: undefined }))).toMatch(/^FAILURES, NOT VERIFIED: /)
    expect(renderReportText(report({ verify: undefined, failures: [] }))).toMatch(/^NOT VERIFIED: /)
    const dryRun = report({ dryRun: true, verify: passed, failures: [] })
    expect(renderReportText(dryRun)).toMatch(/^DRY RUN \(nothing written\): rt → halo in 5\.0 s\. Nothing was written to halo; nothing would fail\./)
    expect(renderReportText(dryRun)).not.toContain('VERIFIED')
    const html = renderReportHtml(dryRun)
    expect(html).toContain('class="verdict verdict-dry-run"')
    expect(html).not.toContain('<span class="ok">verified</span>')
    expect(renderReportHtml(report({ verify: passed, failures: [] }))).toContain('<span class="ok">verified</span>')
    // A run stopped by Ctrl-C says so first, whatever else it holds, and how to go on.
    const interrupted = report({ interrupted: true, verify: undefined, failures: [] })
    expect(renderReportText(interrupted)).toMatch(/^INTERRUPTED: rt → halo in 5\.0 s\. The run was stopped before it finished; .* --resume/)
    expect(renderReportHtml(interrupted)).toContain('class="verdict verdict-interrupted"')
  })

  it('list failures before warnings, say per failure whether trying again helps, and give sizes in MB', () => {
    const text = renderReportText(sampleReport())
    expect(text.indexOf('Failures (3;')).toBeGreaterThan(0)
    expect(text.indexOf('Failures (3;')).toBeLessThan(text.indexOf('Warnings ('))
    expect(text).toContain('Failures (3; 1 can succeed on a later run; 2 cannot without a change first):')
    expect(text).not.toContain('retry them with --retry-failed')
    expect(text).toContain("scan.pdf: 12.4 MB over halo's 10 MB limit")
    expect(text).toMatch(/\| attachment \| 12\/901 +\| no: scan\.pdf is larger than halo accepts/)
    expect(text).toMatch(/\| ticket +\| 13 +\| yes: the next run \(a plain re-run or --resume\) continues it/)
    expect(text).toMatch(/\| ticket +\| 14 +\| no: the target refused the data: correct the record or the mapping, then --retry-failed/)
    // The error's class name is for classifying, not for reading.
    expect(text).not.toContain('ServerError:')

    const html = renderReportHtml(sampleReport())
    expect(html.indexOf('id="verdict"')).toBeLessThan(html.indexOf('id="failures"'))
    expect(html.indexOf('id="failures"')).toBeLessThan(html.indexOf('id="needs-attention"'))
    expect(html.indexOf('id="needs-attention"')).toBeLessThan(html.indexOf('id="records"'))
    expect(html.indexOf('id="records"')).toBeLessThan(html.indexOf('id="verification"'))
    expect(html.indexOf('id="verification"')).toBeLessThan(html.indexOf('id="warnings"'))
    expect(html.indexOf('id="warnings"')).toBeLessThan(html.indexOf('id="tickets"'))
    expect(html).toContain('12.4 MB over halo&#39;s 10 MB limit'.replace('&#39;', "'"))
    expect(html).toContain('<span class="bad">no</span>')
    expect(html).toContain('<span class="ok">yes</span>')
  })

  it('only say "every one can succeed" where that holds', () => {
    const transient = sampleReport({
      failures: [
        {
          kind: 'ticket',
          sourceId: '13',
          targetId: null,
          reason: 'halo rate limit reached (HTTP 429 on POST /api/Tickets). Retry after 5 s.',
          state: 'pending',
        },
      ],
    })
    expect(renderReportText(transient)).toContain('Failures (1; it can succeed on a later run (see "retry")):')
    const refused = sampleReport({ failures: [sampleReport().failures[0]!] })
    expect(renderReportText(refused)).toContain('Failures (1; it cannot succeed by trying again as it is: it needs a change first):')
    const both = sampleReport({ failures: [sampleReport().failures[0]!, sampleReport().failures[2]!] })
    expect(renderReportText(both)).toContain('Failures (2; none can succeed by trying again as they are: each needs a change first):')
  })

  it('show this run beside the whole migration', () => {
    const text = renderReportText(sampleReport())
    expect(text).toMatch(/This run:\n\n\| entity +\| read \| created \| matched \| updated \| skipped \| failed \|/)
    expect(text).toMatch(/\| tickets +\| +2000 \| +0 \| +0 \| +0 \| +1998 \| +2 \|/)
    expect(text).toContain('Whole migration (all runs of this ledger):')
    expect(text).toMatch(/\| tickets +\| +2000 \| +1998 \| +1 \| +1 \| +0 \|/)
    const html = renderReportHtml(sampleReport())
    expect(html).toContain('<h3>Whole migration (all runs of this ledger)</h3>')
    expect(html).toContain('<tr><td>tickets</td><td class="number">2,000</td><td class="number">1,998</td>')
  })

  it('gather what needs attention: notifications, unmapped values, required fields, people without a counterpart', () => {
    const text = renderReportText(sampleReport())
    expect(text).toContain('Needs attention:')
    expect(text).toContain(
      'notifications: halo cannot suppress notifications through its API: requesters and staff may have been emailed for 1 ticket, 1 comment.',
    )
    expect(text).toContain('unmapped status: Waiting on the moon (4 tickets)')
    expect(text).toContain('required target field left empty: Severity (2 tickets)')
    expect(text).toContain(
      "Avery Example <avery@northwind.example> (contact 12): no counterpart in the target; the mapping's default person stands in (2 records).",
    )
    expect(renderReportText(sampleReport({ dryRun: true }))).toContain('a real run would email requesters and staff for 1 ticket, 1 comment.')
    const html = renderReportHtml(sampleReport())
    expect(html).toContain('<h3>People and organizations without a counterpart</h3>')
    expect(html).toContain('<details><summary>2 records</summary><p class="ids">ticket 15, ticket 16</p></details>')
  })

  it('group warnings with their records folded away, and list every ticket linked to its page where the address is known', () => {
    const html = renderReportHtml(
      sampleReport({ ticketWebUrl: { source: 'https://rt.example.com/Ticket/Display.html?id={id}', target: 'javascript:alert({id})' } }),
    )
    expect(html).toMatch(/<td class="number">2<\/td><td>ticket, comment<\/td><td>unsupported<\/td><td>silent<\/td>/)
    expect(html).toContain('<a href="https://rt.example.com/Ticket/Display.html?id=13">13</a>')
    // Only web addresses become links.
    expect(html).not.toContain('javascript:')
    expect(html).toContain('<td>113</td><td>unfinished</td>')
    // One self-contained file: no script, no external asset.
    expect(html).not.toMatch(/<script|<link |<img |src=/i)
    expect(html).toContain('<svg class="chart"')
  })
})
