import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AbortError, ConfigurationError, type TicketingAdapter } from '@ticketbridge/core'
import { createMemoryAdapter, type MemoryAdapter } from '@ticketbridge/memory'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { crashAfterWrites } from '../test-support/crash-after-writes'
import { fileBytes, seedMemoryHelpDesk } from '../test-support/seed-memory-help-desk'
import { createMigration } from './create-migration'
import { testLedger } from '../test-support/test-ledger'

let folder: string
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'ticketbridge-migrate-test-'))
})
afterEach(() => rmSync(folder, { recursive: true, force: true }))

async function countTarget(target: MemoryAdapter) {
  return {
    tickets: target.store.tickets.size,
    comments: target.store.comments.size,
    attachments: target.store.attachments.size,
    people: target.store.people.size,
  }
}

describe('createMigration', () => {
  it('moves every ticket, comment and file, verifies, and duplicates nothing on a re-run', async () => {
    const source = createMemoryAdapter({ vendor: 'memory-source' })
    await seedMemoryHelpDesk(source, 30)
    const target = createMemoryAdapter({ vendor: 'memory-target' })
    const ledgerAt = testLedger(folder, 'ledger.sqlite')

    const first = createMigration({ source, target, ...ledgerAt })
    const report = await first.run()
    expect(report.counts.tickets).toMatchObject({ read: 30, created: 30, failed: 0 })
    expect(report.counts.comments.created).toBe(source.store.comments.size)
    expect(report.counts.attachments.created).toBe(source.store.attachments.size)
    const verify = await first.verify()
    expect(verify.differences).toEqual([])
    expect(verify.passed).toBe(true)
    expect(verify.attachments.bytesIdentical).toBe(source.store.attachments.size)
    await first.close()
    const after = await countTarget(target)
    expect(after).toEqual({ tickets: 30, comments: source.store.comments.size, attachments: source.store.attachments.size, people: 2 })

    const again = createMigration({ source, target, ...ledgerAt })
    const rerun = await again.run()
    expect(rerun.counts.tickets).toMatchObject({ read: 30, created: 0, skipped: 30 })
    expect(await countTarget(target)).toEqual(after)
    await again.close()
  })

  it('keeps statuses, priorities, HTML, visibility and the external id stamp', async () => {
    const source = createMemoryAdapter({ vendor: 'memory-source' })
    await seedMemoryHelpDesk(source, 10)
    const target = createMemoryAdapter({ vendor: 'memory-target' })
    const migration = createMigration({ source, target, ...testLedger(folder, 'ledger.sqlite') })
    await migration.run()
    for await (const ticket of source.tickets.list()) {
      const moved = await target.tickets.findByExternalId(`memory-source:${ticket.id}`)
      expect(moved?.status.category).toBe(ticket.status.category)
      expect(moved?.priority.level).toBe(ticket.priority.level)
      expect(moved?.description.html).toBe(ticket.description.html)
      expect(moved?.customFields).toEqual(ticket.customFields)
      const sourceComments = await source.comments.list(ticket.id).toArray({ limit: 100 })
      const targetComments = await target.comments.list(moved!.id).toArray({ limit: 100 })
      expect(targetComments.map((comment) => [comment.body.text, comment.visibility])).toEqual(
        sourceComments.map((comment) => [comment.body.text, comment.visibility]),
      )
    }
    await migration.close()
  })

  for (const mode of [
    { name: 'files uploaded one by one', carries: false, writes: ['attachments.upload'] },
    { name: 'files inside the creates', carries: true, writes: [] },
  ]) {
    it(`resumes after a crash at any write with nothing lost and nothing duplicated (${mode.name})`, async () => {
      const source = createMemoryAdapter({ vendor: 'memory-source' })
      await seedMemoryHelpDesk(source, 12)
      // A target that takes tickets and comments in arrays of 5, as Halo takes them in arrays of 100.
      const target = createMemoryAdapter({
        vendor: 'memory-target',
        capabilities: { tickets: { createBatchLimit: 5, attachments: mode.carries }, comments: { createBatchLimit: 5, attachments: mode.carries } },
      })
      const ledgerAt = testLedger(folder, 'ledger.sqlite')
      // Each run crashes right after the first write of one kind, in the order a run writes them,
      // until a run gets through: every kind is interrupted, a batch after it landed and before its
      // answer reached the ledger.
      const kinds = ['organizations.create', 'people.create', 'tickets.createMany', 'comments.createMany', ...mode.writes, 'tickets.update']
      const crashed: string[] = []
      for (let attempt = 0; attempt < 40; attempt += 1) {
        const crashing = crashAfterWrites(target, 1, { only: kinds[attempt % kinds.length]!, onCrash: (operation) => crashed.push(operation) })
        const migration = createMigration({ source, target: crashing, ...ledgerAt, concurrency: 2 })
        try {
          await migration.run()
          break
        } catch (error) {
          expect(AbortError.isInstance(error)).toBe(true)
        } finally {
          await migration.close()
        }
      }
      expect(crashed.slice(0, kinds.length)).toEqual(kinds)
      const final = createMigration({ source, target, ...ledgerAt })
      await final.run()
      const verify = await final.verify()
      await final.close()
      expect(verify.differences).toEqual([])
      expect(await countTarget(target)).toEqual({
        tickets: 12,
        comments: source.store.comments.size,
        attachments: source.store.attachments.size,
        people: 2,
      })
      const externalIds = [...target.store.tickets.values()].map((ticket) => ticket.externalId)
      expect(new Set(externalIds).size).toBe(12)
    })
  }

  it('writes nothing when another ledger already moved everything, and finishes what it left half-done', async () => {
    const source = createMemoryAdapter({ vendor: 'memory-source' })
    await seedMemoryHelpDesk(source, 15)
    // Two equal replies on one ticket: each needs its own copy on the target.
    const twice = String([...source.store.tickets.keys()][3]!)
    for (let copy = 0; copy < 2; copy += 1) await source.comments.create(twice, { body: { text: 'Thanks!' }, visibility: 'public' })
    // Files uploaded one by one, so the first run can crash between them.
    const target = createMemoryAdapter({
      vendor: 'memory-target',
      capabilities: { tickets: { attachments: false }, comments: { attachments: false } },
    })

    // Folder A moves part of the desk and crashes; folder B, with a fresh ledger, runs it all.
    const first = createMigration({
      source,
      target: crashAfterWrites(target, 3, { only: 'attachments.upload' }),
      ...testLedger(folder, 'a.sqlite'),
      concurrency: 2,
    })
    await expect(first.run()).rejects.toSatisfy((error) => AbortError.isInstance(error))
    await first.close()
    const partial = await countTarget(target)
    expect(partial.tickets).toBeGreaterThan(0)
    const second = createMigration({ source, target, ...testLedger(folder, 'b.sqlite') })
    const report = await second.run()
    expect(report.counts.tickets.created).toBe(15 - partial.tickets)
    expect((await second.verify()).differences).toEqual([])
    await second.close()
    const whole = await countTarget(target)
    expect(whole).toEqual({ tickets: 15, comments: source.store.comments.size, attachments: source.store.attachments.size, people: 2 })

    // Folder C, fresh again, against a target that holds everything: not one write, verified.
    let writes = 0
    const counting = crashAfterWrites(target, Number.POSITIVE_INFINITY)
    const countWrites = <T extends (...parameters: never[]) => Promise<unknown>>(write: T) =>
      ((...parameters: Parameters<T>) => ((writes += 1), write(...parameters))) as T
    const watched: TicketingAdapter = {
      ...counting,
      tickets: {
        ...counting.tickets,
        create: countWrites(counting.tickets.create),
        createMany: countWrites(counting.tickets.createMany!),
        update: countWrites(counting.tickets.update),
      },
      comments: { ...counting.comments, create: countWrites(counting.comments.create), createMany: countWrites(counting.comments.createMany!) },
      attachments: { ...counting.attachments, upload: countWrites(counting.attachments.upload) },
      people: { ...counting.people, create: countWrites(counting.people.create!) },
    }
    const third = createMigration({ source, target: watched, ...testLedger(folder, 'c.sqlite') })
    const rerun = await third.run()
    expect(writes).toBe(0)
    // Each found on the target by its stamp: matched, not created.
    expect(rerun.counts.tickets).toMatchObject({ read: 15, created: 0, matched: 15, skipped: 0, failed: 0 })
    expect(rerun.counts.comments.created).toBe(0)
    const verify = await third.verify()
    expect(verify.differences).toEqual([])
    expect(verify.passed).toBe(true)
    await third.close()
    expect(await countTarget(target)).toEqual(whole)
  })

  it('leaves alone a target ticket whose stamp matches but whose subject does not: another help desk’s', async () => {
    const source = createMemoryAdapter({ vendor: 'memory-source' })
    await seedMemoryHelpDesk(source, 2)
    const target = createMemoryAdapter({ vendor: 'memory-target' })
    const sourceId = String([...source.store.tickets.keys()][0]!)
    const { record: foreign } = await target.tickets.create({
      subject: 'VPN drops every hour',
      description: { text: 'From the other desk.' },
      externalId: `memory-source:${sourceId}`,
    })
    const migration = createMigration({ source, target, ...testLedger(folder, 'ledger.sqlite') })
    const report = await migration.run()
    await migration.close()
    expect(report.counts.tickets.created).toBe(2)
    expect((await target.tickets.get(foreign.id)).subject).toBe('VPN drops every hour')
    expect(report.warnings.some(({ warning }) => warning.field === 'externalId' && warning.message.includes(`ticket ${foreign.id}`))).toBe(true)
  })

  it('fails verification, naming every copy, when the target holds a ticket twice', async () => {
    const source = createMemoryAdapter({ vendor: 'memory-source' })
    await seedMemoryHelpDesk(source, 4)
    const target = createMemoryAdapter({ vendor: 'memory-target' })
    const migration = createMigration({ source, target, ...testLedger(folder, 'ledger.sqlite') })
    await migration.run()
    expect((await migration.verify()).passed).toBe(true)
    // A copy made outside the tool, with the same stamp.
    const sourceId = String([...source.store.tickets.keys()][1]!)
    const original = (await target.tickets.findByExternalId(`memory-source:${sourceId}`))!
    const { record: copy } = await target.tickets.create({
      subject: original.subject,
      description: original.description,
      externalId: `memory-source:${sourceId}`,
    })
    const verify = await migration.verify()
    await migration.close()
    expect(verify.passed).toBe(false)
    expect(verify.differences).toEqual([
      { sourceId, targetId: `${original.id}, ${copy.id}`, field: 'copies on the target', source: '1', target: '2' },
    ])
  })

  it('keeps comments apart when a vendor numbers them per ticket', async () => {
    const memory = createMemoryAdapter({ vendor: 'memory-source' })
    await seedMemoryHelpDesk(memory, 8)
    // Halo numbers actions per ticket: every ticket's first comment is "1".
    const source: TicketingAdapter = {
      ...memory,
      comments: {
        ...memory.comments,
        // Read per ticket, so the override below is what the engine reads.
        listForTickets: undefined,
        list: (ticketId, options) => {
          const listed = memory.comments.list(ticketId, options)
          return {
            ...listed,
            async *[Symbol.asyncIterator]() {
              let index = 0
              for await (const comment of listed) yield { ...comment, id: String(++index) }
            },
            async toArray({ limit }) {
              return (await listed.toArray({ limit })).map((comment, index) => ({ ...comment, id: String(index + 1) }))
            },
          }
        },
      },
    }
    const target = createMemoryAdapter({ vendor: 'memory-target' })
    const migration = createMigration({ source, target, ...testLedger(folder, 'ledger.sqlite') })
    const report = await migration.run()
    expect(report.counts.comments.created).toBe(memory.store.comments.size)
    expect((await migration.verify()).passed).toBe(true)
    await migration.close()
    expect(target.store.comments.size).toBe(memory.store.comments.size)
  })

  it('moves only what changed with since, and adds new comments to moved tickets', async () => {
    const source = createMemoryAdapter({ vendor: 'memory-source' })
    await seedMemoryHelpDesk(source, 6)
    const target = createMemoryAdapter({ vendor: 'memory-target' })
    const ledgerAt = testLedger(folder, 'ledger.sqlite')
    const first = createMigration({ source, target, ...ledgerAt })
    await first.run()
    await first.close()
    await new Promise((resolve) => setTimeout(resolve, 20))
    const since = new Date().toISOString()
    await new Promise((resolve) => setTimeout(resolve, 20))
    await source.tickets.update('4', { subject: 'Printer 1 is jammed (escalated)' })
    await source.comments.create('4', { body: { text: 'Escalated to the vendor.' }, visibility: 'internal' })
    const delta = createMigration({ source, target, ...ledgerAt, since })
    const report = await delta.run()
    await delta.close()
    expect(report.counts.tickets).toMatchObject({ read: 1, updated: 1, created: 0 })
    expect(report.counts.comments.created).toBe(1)
    const moved = await target.tickets.findByExternalId('memory-source:4')
    expect(moved?.subject).toBe('Printer 1 is jammed (escalated)')
    expect((await target.comments.list(moved!.id).toArray({ limit: 100 })).map((comment) => comment.body.text)).toContain('Escalated to the vendor.')
  })

  it('records refused writes as failures and retries them with retryFailed', async () => {
    const source = createMemoryAdapter({ vendor: 'memory-source' })
    await seedMemoryHelpDesk(source, 4)
    await source.attachments.upload('4', { filename: 'huge.bin', data: fileBytes(1, 5000) })
    const limited = createMemoryAdapter({ vendor: 'memory-target', capabilities: { attachments: { maxBytes: 4000 } } })
    const ledgerAt = testLedger(folder, 'ledger.sqlite')
    const migration = createMigration({ source, target: limited, ...ledgerAt })
    const report = await migration.run()
    await migration.close()
    expect(report.counts.attachments.failed).toBe(1)
    expect(report.failures).toEqual([expect.objectContaining({ kind: 'attachment', reason: expect.stringContaining('at most 4000') })])
  })

  it('adds a provenance line where the target cannot set authors or times, and warns', async () => {
    const source = createMemoryAdapter({ vendor: 'memory-source' })
    await seedMemoryHelpDesk(source, 4)
    const target = createMemoryAdapter({ vendor: 'memory-target', capabilities: { comments: { setAuthor: false, setCreatedAt: false } } })
    const migration = createMigration({ source, target, ...testLedger(folder, 'ledger.sqlite') })
    const report = await migration.run()
    await migration.close()
    const texts = [...target.store.comments.values()].map((comment) => comment.bodyText)
    expect(texts.length).toBeGreaterThan(0)
    for (const text of texts)
      expect(text).toMatch(
        /^\[Originally by (Avery Example|Sam Service) <[^>]+> on \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC in memory-source, comment \d+\]/,
      )
    expect(report.warnings.some(({ warning }) => warning.type === 'converted' && warning.field === 'author')).toBe(true)
  })

  it('keeps a ticket’s creation time: set on the target where it can be, as the description’s first line where it cannot', async () => {
    const source = createMemoryAdapter({ vendor: 'memory-source' })
    await seedMemoryHelpDesk(source, 3)
    for (const setCreatedAt of [true, false]) {
      const target = createMemoryAdapter({ vendor: 'memory-target', capabilities: { tickets: { setCreatedAt } } })
      const migration = createMigration({ source, target, ...testLedger(folder, `ledger-${setCreatedAt}.sqlite`) })
      await migration.run()
      expect((await migration.verify()).passed).toBe(true)
      await migration.close()
      for await (const ticket of source.tickets.list()) {
        const moved = (await target.tickets.findByExternalId(`memory-source:${ticket.id}`))!
        const line = `[Originally created ${ticket.createdAt.slice(0, 10)} ${ticket.createdAt.slice(11, 16)} UTC in memory-source, ticket ${ticket.id}]`
        if (setCreatedAt) {
          expect(moved.createdAt).toBe(ticket.createdAt)
          expect(moved.description.text).toBe(ticket.description.text)
        } else {
          expect(moved.createdAt).not.toBe(ticket.createdAt)
          expect(moved.description.text).toBe(`${line}\n\n${ticket.description.text}`)
          if (ticket.description.html) expect(moved.description.html).toBe(`<p>${line}</p>${ticket.description.html}`)
        }
      }
    }
  })

  it('writes nothing in a dry run and reports the same counts', async () => {
    const source = createMemoryAdapter({ vendor: 'memory-source' })
    await seedMemoryHelpDesk(source, 8)
    const target = createMemoryAdapter({ vendor: 'memory-target', capabilities: { comments: { html: false } } })
    const ledgerAt = testLedger(folder, 'ledger.sqlite')
    const dry = createMigration({ source, target, ...ledgerAt, dryRun: true })
    const dryReport = await dry.run()
    await dry.close()
    expect(await countTarget(target)).toEqual({ tickets: 0, comments: 0, attachments: 0, people: 0 })
    expect(dryReport.dryRun).toBe(true)
    const real = createMigration({ source, target, ...ledgerAt })
    const realReport = await real.run()
    await real.close()
    expect(dryReport.counts).toEqual(realReport.counts)
  })

  it('lists unmapped values with counts before writing anything', async () => {
    const source = createMemoryAdapter({ vendor: 'memory-source' })
    await seedMemoryHelpDesk(source, 6)
    await source.tickets.update('4', { queue: { name: 'Network' } })
    const target = createMemoryAdapter({ vendor: 'memory-target' })
    target.store.queues.splice(0, target.store.queues.length, { id: '9', name: 'General' })
    target.store.customFields.splice(0)
    const migration = createMigration({
      source,
      target,
      ...testLedger(folder, 'ledger.sqlite'),
      mapping: { statuses: { Closed: { category: 'resolved' } } },
    })
    const preflight = await migration.preflight()
    await migration.close()
    expect(preflight.tickets).toBe(6)
    expect(preflight.unmapped).toEqual(
      expect.arrayContaining([
        { kind: 'queue', value: 'Network', count: 1 },
        { kind: 'customField', value: 'severity', count: 2 },
      ]),
    )
    expect(target.store.tickets.size).toBe(0)
  })

  it("reads the source's listing and each ticket's comments, files and time entries once across preflight and run", async () => {
    const memorySource = createMemoryAdapter({ vendor: 'memory-source' })
    await seedMemoryHelpDesk(memorySource, 150)
    const listings: unknown[] = []
    const asked = { comments: [] as string[], files: [] as string[], timeEntries: [] as string[] }
    const counted = <T extends { listForTickets?: (ids: readonly string[], options?: never) => Promise<unknown> }>(group: T, into: string[]): T => ({
      ...group,
      listForTickets: (ids: readonly string[], options?: never) => {
        into.push(...ids)
        return group.listForTickets!(ids, options)
      },
    })
    const source: TicketingAdapter = {
      ...memorySource,
      tickets: { ...memorySource.tickets, list: (...args) => (listings.push(args[0]), memorySource.tickets.list(...args)) },
      comments: counted(memorySource.comments, asked.comments),
      attachments: counted(memorySource.attachments, asked.files),
      timeEntries: counted(memorySource.timeEntries, asked.timeEntries),
    }
    const target = createMemoryAdapter({ vendor: 'memory-target' })
    const migration = createMigration({ source, target, ...testLedger(folder, 'ledger.sqlite') })
    const preflight = await migration.preflight()
    // One read covers the first batch: the sample is that batch.
    expect(preflight.estimate.sampledTickets).toBe(100)
    const report = await migration.run()
    expect(report.counts.tickets).toMatchObject({ read: 150, created: 150, failed: 0 })
    expect(report.counts.comments.created).toBe(memorySource.store.comments.size)
    // The whole listing once, newest changes first; then only what changed while it ran.
    expect(listings).toHaveLength(2)
    expect(listings[0]).toEqual({ order: 'recently-updated-first' })
    expect(listings[1]).toEqual({ order: 'recently-updated-first', updatedSince: expect.any(String) })
    for (const ids of Object.values(asked)) {
      expect(ids).toHaveLength(150)
      expect(new Set(ids).size).toBe(150)
    }
    expect(target.store.comments.size).toBe(memorySource.store.comments.size)
    expect(target.store.attachments.size).toBe(memorySource.store.attachments.size)

    // A second run lists and reads afresh: the preflight's reads served one run.
    const again = await migration.run()
    expect(again.counts.tickets).toMatchObject({ read: 150, created: 0, skipped: 150 })
    expect(listings).toHaveLength(4)
    await migration.close()
  })

  it('estimates the time at the pace each adapter keeps to, where it has one', async () => {
    const source = createMemoryAdapter({ vendor: 'memory-source' })
    await seedMemoryHelpDesk(source, 4)
    const memoryTarget = createMemoryAdapter({ vendor: 'memory-target' })
    // 60 requests a minute: one a second.
    const target: TicketingAdapter = { ...memoryTarget, rateLimit: { requests: 60, windowMs: 60_000, source: 'a test budget' } }
    const migration = createMigration({ source, target, ...testLedger(folder, 'ledger.sqlite') })
    const preflight = await migration.preflight()
    await migration.close()
    expect(preflight.estimate.secondsAtRateLimit.source).toBeUndefined()
    expect(preflight.estimate.secondsAtRateLimit.target).toBe(preflight.estimate.requests.target)
  })

  it('rejects a bad mapping before anything is read or written', () => {
    const source = createMemoryAdapter()
    const target = createMemoryAdapter()
    expect(() =>
      createMigration({ source, target, ...testLedger(folder, 'x.sqlite'), mapping: { statuses: { New: { category: 'archived' } } } as never }),
    ).toThrowError(ConfigurationError)
    try {
      createMigration({ source, target, ...testLedger(folder, 'x.sqlite'), mapping: { priorites: {} } as never })
    } catch (error) {
      expect(ConfigurationError.isInstance(error) && error.option).toBe('mapping')
      expect(String(error)).toContain('priorites')
    }
  })

  it('rolls back what it created', async () => {
    const source = createMemoryAdapter({ vendor: 'memory-source' })
    await seedMemoryHelpDesk(source, 5)
    const target = createMemoryAdapter({ vendor: 'memory-target' })
    const migration = createMigration({ source, target, ...testLedger(folder, 'ledger.sqlite') })
    await migration.run()
    expect(target.store.tickets.size).toBe(5)
    const peopleMade = [...target.store.people.keys()].map(String)
    expect(peopleMade.length).toBeGreaterThan(0)
    const rolledBack = await migration.rollback()
    expect(rolledBack).toMatchObject({ deleted: 5, kept: 0 })
    expect(target.store.tickets.size).toBe(0)
    // People and organizations stay; the result names every one the migration made.
    expect(rolledBack.left.people.sort()).toEqual(peopleMade.sort())
    expect(rolledBack.left.organizations).toEqual([...target.store.organizations.keys()].map(String))
    // Verification after a rollback does not pass on nothing checked.
    const verify = await migration.verify()
    expect(verify).toMatchObject({ rolledBack: 5, passed: false, tickets: { checked: 0 } })
    await migration.close()
  })
})
