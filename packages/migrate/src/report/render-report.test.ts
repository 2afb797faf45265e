import { describe, expect, it } from 'vitest'
import { emptyCounts } from '../engine/migration-context'
import type { VerifyReport } from '../verify/verify-migration'
import type { MigrationReport } from './migration-report'
import { renderReportHtml } from './render-report-html'
import { renderReportText } from './render-report-text'

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

function report(overrides: Partial<MigrationReport> = {}): MigrationReport {
  const counts = emptyCounts()
  counts.timeEntries = { read: 5, created: 4, updated: 0, skipped: 1, failed: 0 }
  counts.relations = { read: 2, created: 1, updated: 0, skipped: 0, failed: 1 }
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
    expect(text).toMatch(/\| timeEntries +\| +5 \| +4 \| +0 \| +1 \| +0 \|/)
    expect(text).toMatch(/\| relations +\| +2 \| +1 \| +0 \| +0 \| +1 \|/)
    expect(text).toMatch(/\| time entries +\| +5 \| +5 \|/)
    expect(text).toMatch(/\| minutes worked +\| +172\.5 \| +172\.5 \|/)
    expect(text).toMatch(/\| relations +\| +2 \| +1 \|/)
    expect(text).toContain('difference: relation of 7/related/9 → 17/related/19: present ≠ missing')
    const html = renderReportHtml(report())
    expect(html).toContain('<tr><td>timeEntries</td><td class="number">5</td><td class="number">4</td>')
    expect(html).toContain('<tr><td>minutes worked</td><td class="number">172.5</td><td class="number">172.5</td></tr>')
    expect(html).toContain('<tr><td>relations</td><td class="number">2</td><td class="number">1</td></tr>')
  })

  it('still render a report saved before time entries and relations were verified', () => {
    const { timeEntries: _timeEntries, relations: _relations, ...older } = verify
    const saved = report({ verify: older as VerifyReport })
    expect(renderReportText(saved)).not.toContain('minutes worked')
    expect(renderReportHtml(saved)).toContain('attachments with identical bytes')
  })
})
