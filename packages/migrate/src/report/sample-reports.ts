import { fullMemoryCapabilities } from '@ticketbridge/memory'
import { emptyCounts } from '../engine/migration-context'
import type { MigrationReport } from './migration-report'

const silent = {
  type: 'unsupported',
  field: 'silent',
  message: 'Halo cannot suppress notifications or rules through its API; the write may notify people.',
} as const
const standIn = {
  type: 'substituted',
  field: 'requester',
  message: "Avery Example <avery@northwind.example> (contact 12) has no counterpart in the target; the mapping's default person stands in.",
} as const

/**
 * For the report renderers' tests: the resumed run of a migration that has moved 2,000 tickets,
 * verified, with a failure that passes and two that cannot (a file over the size limit, a
 * refused ticket), notifications the target could not suppress, unmapped values and a person
 * without a counterpart.
 */
export function sampleReport(overrides: Partial<MigrationReport> = {}): MigrationReport {
  const counts = emptyCounts()
  counts.organizations = { read: 2, created: 1, matched: 1, updated: 0, skipped: 0, failed: 0 }
  counts.people = { read: 3, created: 1, matched: 1, updated: 0, skipped: 1, failed: 0 }
  counts.tickets = { read: 2000, created: 0, matched: 0, updated: 0, skipped: 1998, failed: 2 }
  counts.comments = { read: 14, created: 9, matched: 3, updated: 0, skipped: 1, failed: 1 }
  counts.attachments = { read: 6, created: 4, matched: 0, updated: 0, skipped: 1, failed: 1 }
  counts.timeEntries = { read: 5, created: 4, matched: 0, updated: 0, skipped: 1, failed: 0 }
  return {
    source: 'rt',
    target: 'halo',
    dryRun: false,
    startedAt: '2024-05-01T00:00:00.000Z',
    finishedAt: '2024-05-01T00:00:05.000Z',
    durationSeconds: 5,
    counts,
    ledgerTotals: {
      person: { completed: 2, skipped: 1 },
      ticket: { completed: 1998, failed: 1, created: 1 },
      attachment: { completed: 40, failed: 1 },
    },
    preflight: {
      source: { vendor: 'rt', capabilities: fullMemoryCapabilities },
      target: { vendor: 'halo', capabilities: fullMemoryCapabilities },
      tickets: 2000,
      unmapped: [{ kind: 'status', value: 'Waiting on the moon', count: 4 }],
      missingRequired: [{ field: 'Severity', count: 2 }],
      degradations: ['halo cannot suppress notifications for imported records: requesters may receive emails.'],
      blocking: [],
      estimate: {
        sampledTickets: 20,
        commentsPerTicket: 2,
        attachmentsPerTicket: 0.5,
        timeEntriesPerTicket: 0,
        relationsPerTicket: 0,
        requests: { source: 4100, target: 2600 },
        secondsAtRateLimit: {},
      },
    },
    verify: {
      tickets: { checked: 1998, matched: 1998 },
      comments: { source: 5100, target: 5100 },
      attachments: { source: 40, target: 40, bytesIdentical: 40 },
      timeEntries: { source: 5, target: 5, sourceMinutes: 172.5, targetMinutes: 172.5 },
      relations: { source: 2, target: 2 },
      statusCategories: {
        new: { source: 120, target: 120 },
        open: { source: 610, target: 610 },
        pending: { source: 88, target: 88 },
        closed: { source: 1180, target: 1180 },
      },
      sampledFieldChecks: 20,
      differences: [],
      passed: true,
    },
    failures: [
      {
        kind: 'attachment',
        sourceId: '12/901',
        targetId: null,
        reason: 'scan.pdf is 13002342 bytes; the target accepts at most 10485760 bytes.',
        state: 'failed',
      },
      {
        kind: 'ticket',
        sourceId: '13',
        targetId: '113',
        reason: 'ServerError: halo failed (HTTP 503 on POST /api/Actions). It is retried.',
        state: 'created',
      },
      {
        kind: 'ticket',
        sourceId: '14',
        targetId: null,
        reason: "ValidationError: halo refused the data (HTTP 400 on POST /api/Tickets): bad 'site'.",
        state: 'failed',
      },
    ],
    warnings: [
      { kind: 'ticket', sourceId: '15', warning: silent },
      { kind: 'comment', sourceId: '15/3', warning: silent },
      { kind: 'ticket', sourceId: '15', warning: standIn },
      { kind: 'ticket', sourceId: '16', warning: standIn },
    ],
    tickets: [
      { sourceId: '13', targetId: '113', state: 'created' },
      { sourceId: '14', targetId: null, state: 'failed' },
      { sourceId: '15', targetId: '115', state: 'completed' },
    ],
    ...overrides,
  }
}
