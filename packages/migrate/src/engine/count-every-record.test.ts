/**
 * Every record a run reads lands in exactly one column of its counts:
 * read = created + matched + updated + skipped + failed, for every entity, whatever happened to
 * it: moved, found on the target, left out, refused, retried within the run, or given up on.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TicketingAdapter } from '@ticketbridge/core'
import { TimeoutError, ValidationError } from '@ticketbridge/core'
import { createMemoryAdapter, type MemoryAdapter } from '@ticketbridge/memory'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { MigrationReport } from '../report/migration-report'
import { fileBytes, seedMemoryHelpDesk } from '../test-support/seed-memory-help-desk'
import { createServedVendorSimulators } from '../test-support/served-vendor-simulators'
import { rtConnector } from '@ticketbridge/rt/connector'
import { autotaskConnector } from '@ticketbridge/autotask/connector'
import { createMigration } from './create-migration'
import { testLedger } from '../test-support/test-ledger'

let folder: string
const simulators = createServedVendorSimulators()
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'ticketbridge-count-every-record-'))
})
afterEach(async () => {
  await simulators.closeAll()
  rmSync(folder, { recursive: true, force: true })
})

function expectEveryRecordCounted(report: MigrationReport): void {
  for (const [entity, count] of Object.entries(report.counts)) {
    const outcomes = count.created + count.matched + count.updated + count.skipped + count.failed
    expect(count.read, `${entity}: ${JSON.stringify(count)}`).toBe(outcomes)
  }
}

/** A help desk with comments, files (one too large for the target), time entries and links. */
async function seedFullHelpDesk(source: MemoryAdapter): Promise<string[]> {
  await seedMemoryHelpDesk(source, 10)
  const agent = [...source.store.people.values()].find((person) => person.kind === 'agent')!
  const ids = [...source.store.tickets.keys()].map(String)
  for (const index of [1, 2, 4]) {
    await source.timeEntries.create(ids[index]!, { minutes: 30, note: `Visit ${index}`, person: { id: String(agent.id) } })
  }
  await source.timeEntries.create(ids[3]!, { minutes: 20 })
  await source.relations.create(ids[0]!, { relatedTicketId: ids[1]!, kind: 'related' })
  await source.relations.create(ids[2]!, { relatedTicketId: ids[0]!, kind: 'parent' })
  await source.attachments.upload(ids[5]!, { filename: 'scan.pdf', data: fileBytes(6, 5000) })
  return ids
}

/** Wraps a target so that `upload` fails as `failure` decides (undefined: it uploads). */
function failingUploads(target: MemoryAdapter, failure: (filename: string) => Error | undefined): TicketingAdapter {
  return {
    ...target,
    attachments: {
      ...target.attachments,
      upload: async (ticketId, file, options) => {
        const error = failure(file.filename)
        if (error) throw error
        return target.attachments.upload(ticketId, file, options)
      },
    },
  }
}

describe('every record read lands in exactly one column', () => {
  it('on a first run, a re-run, a changed ticket, and a fresh ledger against a filled target', async () => {
    const source = createMemoryAdapter({ vendor: 'memory-source' })
    const ids = await seedFullHelpDesk(source)
    const target = createMemoryAdapter({ vendor: 'memory-target', capabilities: { attachments: { maxBytes: 4000 } } })
    const ledgerAt = testLedger(folder, 'ledger.sqlite')
    const run = async (options: { ledger?: string; ledgerName?: string; mapping?: { options: { createPeople: boolean } } } = {}) => {
      const migration = createMigration({ source, target, ...ledgerAt, ...options })
      try {
        const report = await migration.run()
        expectEveryRecordCounted(report)
        return report
      } finally {
        await migration.close()
      }
    }

    // People may not be created: each read is skipped (and the tickets warn), not lost.
    const first = await run({ mapping: { options: { createPeople: false } } })
    expect(first.counts.tickets).toMatchObject({ read: 10, created: 10 })
    expect(first.counts.people).toMatchObject({ read: 2, skipped: 2, created: 0 })
    expect(first.counts.attachments.failed).toBe(1)
    expect(first.counts.relations).toMatchObject({ read: 2, created: 2 })

    const again = await run()
    expect(again.counts.tickets).toMatchObject({ read: 10, skipped: 10 })

    await new Promise((resolve) => setTimeout(resolve, 5))
    await source.tickets.update(ids[6]!, { subject: 'Printer 7 is jammed again' })
    const changed = await run()
    expect(changed.counts.tickets).toMatchObject({ read: 10, updated: 1, skipped: 9 })

    // A fresh ledger finds everything on the target: matched, not created again.
    const fresh = await run({ ...testLedger(folder, 'fresh.sqlite') })
    expect(fresh.counts.tickets).toMatchObject({ read: 10, matched: 10, created: 0 })
    expect(fresh.counts.comments).toMatchObject({ matched: source.store.comments.size, created: 0 })
    expect(fresh.counts.timeEntries).toMatchObject({ matched: 4, created: 0 })
    expect(fresh.counts.relations).toMatchObject({ matched: 2, created: 0 })
    expect(fresh.counts.organizations).toMatchObject({ matched: 1, created: 0 })
  })

  it('when a ticket is tried again within the run, and when the run gives up on one', async () => {
    const source = createMemoryAdapter({ vendor: 'memory-source' })
    await seedFullHelpDesk(source)
    // Files go one by one, after the comments: a failing upload fails a ticket half-moved.
    const target = createMemoryAdapter({
      vendor: 'memory-target',
      capabilities: { tickets: { attachments: false }, comments: { attachments: false } },
    })
    const timeouts = new Map<string, number>()
    const flaky = failingUploads(target, (filename) => {
      // capture-3 times out once (tried again, then moves); capture-5 always (given up on).
      const seen = (timeouts.get(filename) ?? 0) + 1
      timeouts.set(filename, seen)
      if (filename === 'capture-5.bin' || (filename === 'capture-3.bin' && seen === 1))
        return new TimeoutError('No answer within 30000 ms (POST /attachments).', { vendor: 'memory-target', timeoutMs: 30_000 })
      return undefined
    })
    const migration = createMigration({
      source,
      target: flaky,
      ...testLedger(folder, 'ledger.sqlite'),
      transientRetries: { rounds: 2, initialDelayMs: 5 },
    })
    try {
      const report = await migration.run()
      expectEveryRecordCounted(report)
      expect(report.transientRetries).toMatchObject({ tickets: 2, leftForNextRun: 1 })
      expect(report.counts.tickets).toMatchObject({ read: 10, failed: 1 })
      // Each comment counted once, though tickets 3 and 5 had their comments written by an earlier attempt.
      expect(report.counts.comments).toMatchObject({ read: source.store.comments.size, created: source.store.comments.size })
    } finally {
      await migration.close()
    }
  })

  it('when the target refuses a file for good, and a ticket fails half-moved', async () => {
    const source = createMemoryAdapter({ vendor: 'memory-source' })
    await seedFullHelpDesk(source)
    const target = createMemoryAdapter({
      vendor: 'memory-target',
      capabilities: { tickets: { attachments: false }, comments: { attachments: false } },
    })
    const refusing = failingUploads(target, (filename) =>
      filename === 'capture-9.bin'
        ? new ValidationError('memory-target refused the data (HTTP 422 on POST /attachments): bad file. Correct the fields named in issues.', {
            status: 422,
            vendor: 'memory-target',
            issues: [{ field: 'data', message: 'bad file' }],
          })
        : undefined,
    )
    const migration = createMigration({ source, target: refusing, ...testLedger(folder, 'ledger.sqlite') })
    try {
      const report = await migration.run()
      expectEveryRecordCounted(report)
      expect(report.counts.tickets.failed).toBe(1)
      expect(report.counts.attachments.failed).toBe(1)
      // The ledger keeps the error's class with its message: a report can tell a refusal from a passing failure.
      expect(report.failures).toContainEqual(expect.objectContaining({ kind: 'ticket', reason: expect.stringMatching(/^ValidationError: /) }))
    } finally {
      await migration.close()
    }
  })

  it('between vendor simulators (RT → Autotask), and on its re-run', { timeout: 120_000 }, async () => {
    const { adapter: source } = await simulators.start(rtConnector)
    const { adapter: target } = await simulators.start(autotaskConnector)
    for (let index = 1; index <= 3; index += 1) {
      const { record } = await source.tickets.create({ subject: `Count check ${index}`, description: { text: `Ticket ${index}.` } })
      await source.comments.create(record.id, { body: { text: `Reply to ticket ${index}.` }, visibility: 'public' })
      await source.attachments.upload(record.id, {
        filename: `note-${index}.txt`,
        contentType: 'text/plain',
        data: new TextEncoder().encode(`file ${index}`),
      })
    }
    const migration = createMigration({ source, target, ...testLedger(folder, 'ledger.sqlite') })
    try {
      const report = await migration.run()
      expectEveryRecordCounted(report)
      expect(report.counts.tickets).toMatchObject({ read: 3, created: 3 })
      const rerun = createMigration({ source, target, ...testLedger(folder, 'ledger.sqlite') })
      try {
        expectEveryRecordCounted(await rerun.run())
      } finally {
        await rerun.close()
      }
    } finally {
      await migration.close()
    }
  })
})
