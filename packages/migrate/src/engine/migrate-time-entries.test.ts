import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AbortError, createPaginated, type TicketingAdapter, TimeoutError } from '@ticketbridge/core'
import { createMemoryAdapter, type MemoryAdapter } from '@ticketbridge/memory'
import { createServedVendorSimulators } from '../test-support/served-vendor-simulators'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { seedMemoryHelpDesk } from '../test-support/seed-memory-help-desk'
import { createMigration } from './create-migration'
import { rtConnector } from '@ticketbridge/rt/connector'
import { haloConnector } from '@ticketbridge/halo/connector'
import type { HaloAdapter } from '@ticketbridge/halo'
import { openTestLedger, testLedger } from '../test-support/test-ledger'

let folder: string
const simulators = createServedVendorSimulators()
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'ticketbridge-time-entries-test-'))
})
afterEach(async () => {
  await simulators.closeAll()
  rmSync(folder, { recursive: true, force: true })
})

const notes = ['Remote session: cleared the print queue', 'Replaced the fuser unit', '', 'Called the user back']

/** A help desk whose tickets carry 0 to 3 time entries each, logged by the agent, some without a note. */
async function seedWithTime(adapter: MemoryAdapter, ticketCount: number): Promise<void> {
  await seedMemoryHelpDesk(adapter, ticketCount)
  const agent = [...adapter.store.people.values()].find((person) => person.kind === 'agent')!
  for (const ticket of [...adapter.store.tickets.values()]) {
    for (let index = 0; index < ticket.id % 4; index += 1) {
      const note = notes[(ticket.id + index) % notes.length]!
      await adapter.timeEntries.create(String(ticket.id), {
        minutes: 15 * (index + 1) + (ticket.id % 3),
        ...(note ? { note } : {}),
        person: { id: String(agent.id) },
        startedAt: new Date(Date.UTC(2024, 4, 1 + (ticket.id % 20), 9 + index)).toISOString(),
        billable: index % 2 === 0,
      })
    }
  }
}

/** The target's time entries as comparable rows, by the source ticket they came from. */
async function timeEntriesBySourceTicket(source: TicketingAdapter, target: TicketingAdapter) {
  const rows: Record<string, { minutes: number; note?: string; startedAt?: string; billable?: boolean; person?: string }[]> = {}
  for await (const ticket of source.tickets.list()) {
    const moved = await target.tickets.findByExternalId(`${source.vendor}:${ticket.id}`)
    const entries = moved ? await target.timeEntries.list(moved.id).toArray({ limit: 100 }) : []
    rows[ticket.id] = entries.map((entry) => ({
      minutes: entry.minutes,
      ...(entry.note !== undefined ? { note: entry.note } : {}),
      ...(entry.startedAt !== undefined ? { startedAt: entry.startedAt } : {}),
      ...(entry.billable !== undefined ? { billable: entry.billable } : {}),
      ...(entry.person?.email !== undefined ? { person: entry.person.email } : {}),
    }))
  }
  return rows
}

/** Wraps a target so that its time-entry creates land, then fail with `error` (the answer is lost). */
function loseTimeEntryAnswers(target: MemoryAdapter, error: () => Error, times: number): TicketingAdapter & { lost: number } {
  const wrapped = {
    ...target,
    lost: 0,
    timeEntries: {
      ...target.timeEntries,
      create: async (
        ticketId: string,
        input: Parameters<TicketingAdapter['timeEntries']['create']>[1],
        options?: Parameters<TicketingAdapter['timeEntries']['create']>[2],
      ) => {
        const result = await target.timeEntries.create(ticketId, input, options)
        if (wrapped.lost < times) {
          wrapped.lost += 1
          throw error()
        }
        return result
      },
    },
  }
  return wrapped
}

/**
 * A source that records time on comments, as Halo (actions) and RT (transactions) do: a listed
 * time entry whose note is the text of one of its ticket's comments names that comment as its
 * `commentId`. Comments whose text is in `unlisted` are left out of comments.list, as Halo leaves
 * out system actions, so they never move.
 */
function recordingTimeOnComments(memory: MemoryAdapter, unlisted: readonly string[] = []): TicketingAdapter {
  return {
    ...memory,
    comments: {
      ...memory.comments,
      // Read per ticket, so the override below is what the engine reads.
      listForTickets: undefined,
      list: (ticketId, options) =>
        createPaginated(async () => ({
          items: (await memory.comments.list(ticketId, options).toArray({ limit: 10_000 })).filter(
            (comment) => !unlisted.includes(comment.body.text),
          ),
        })),
    },
    timeEntries: {
      ...memory.timeEntries,
      // Read per ticket, so the override below is what the engine reads.
      listForTickets: undefined,
      list: (ticketId, options) =>
        createPaginated(async () => {
          const comments = await memory.comments.list(ticketId, options).toArray({ limit: 10_000 })
          const entries = await memory.timeEntries.list(ticketId, options).toArray({ limit: 10_000 })
          return {
            items: entries.map((entry) => {
              const comment = comments.find((candidate) => entry.note !== undefined && candidate.body.text === entry.note)
              return comment ? { ...entry, commentId: comment.id } : entry
            }),
          }
        }),
    },
  }
}

/** A help desk with one ticket whose comments carry time (and one entry on no comment). */
async function seedTimeOnComments(memory: MemoryAdapter): Promise<string> {
  await seedMemoryHelpDesk(memory, 1)
  const [ticket] = [...memory.store.tickets.values()]
  const ticketId = String(ticket!.id)
  for (const text of ['Replaced the fuser unit', 'Logged by phone']) {
    await memory.comments.create(ticketId, { body: { text }, visibility: 'internal' })
    await memory.timeEntries.create(ticketId, { minutes: 30, note: text })
  }
  await memory.timeEntries.create(ticketId, { minutes: 10, note: 'Travel to site' })
  return ticketId
}

/** The texts of a target's comments and its time entries, by the source ticket they came from. */
async function movedTicket(source: TicketingAdapter, target: TicketingAdapter, sourceTicketId: string) {
  const moved = (await target.tickets.findByExternalId(`${source.vendor}:${sourceTicketId}`))!
  const comments = await target.comments.list(moved.id).toArray({ limit: 100 })
  const entries = await target.timeEntries.list(moved.id).toArray({ limit: 100 })
  return {
    comments: comments.map((comment) => comment.body.text),
    entries: entries.map(({ minutes, note }) => ({ minutes, ...(note !== undefined ? { note } : {}) })),
  }
}

describe('time entries', () => {
  it('moves minutes, note, start, billable and person, verifies them, and adds nothing on a re-run', async () => {
    const source = createMemoryAdapter({ vendor: 'memory-source' })
    await seedWithTime(source, 12)
    const target = createMemoryAdapter({ vendor: 'memory-target' })
    const ledgerAt = testLedger(folder, 'ledger.sqlite')
    const migration = createMigration({ source, target, ...ledgerAt })
    const report = await migration.run()
    const verify = await migration.verify()
    await migration.close()

    const sourceMinutes = [...source.store.timeEntries.values()].reduce((total, entry) => total + entry.minutes, 0)
    expect(report.counts.timeEntries).toMatchObject({ read: source.store.timeEntries.size, created: source.store.timeEntries.size, failed: 0 })
    expect(target.store.timeEntries.size).toBe(source.store.timeEntries.size)
    expect(await timeEntriesBySourceTicket(source, target)).toEqual(
      Object.fromEntries(
        [...source.store.tickets.values()].map((ticket) => [
          String(ticket.id),
          [...source.store.timeEntries.values()]
            .filter((entry) => entry.ticketId === ticket.id)
            .map((entry) => ({
              minutes: entry.minutes,
              ...(entry.note ? { note: entry.note } : {}),
              startedAt: entry.startedAt,
              billable: entry.billable,
              person: 'sam@helpdesk.example',
            })),
        ]),
      ),
    )
    expect(verify.differences).toEqual([])
    expect(verify.passed).toBe(true)
    expect(verify.timeEntries).toEqual({
      source: source.store.timeEntries.size,
      target: source.store.timeEntries.size,
      sourceMinutes,
      targetMinutes: sourceMinutes,
    })

    const again = createMigration({ source, target, ...ledgerAt })
    const rerun = await again.run()
    await again.close()
    expect(rerun.counts.timeEntries.created).toBe(0)
    expect(target.store.timeEntries.size).toBe(source.store.timeEntries.size)
  })

  it('adds new time entries of a changed ticket and keeps the moved ones', async () => {
    const source = createMemoryAdapter({ vendor: 'memory-source' })
    await seedWithTime(source, 4)
    const target = createMemoryAdapter({ vendor: 'memory-target' })
    const ledgerAt = testLedger(folder, 'ledger.sqlite')
    const first = createMigration({ source, target, ...ledgerAt })
    await first.run()
    await first.close()
    const before = target.store.timeEntries.size
    await new Promise((resolve) => setTimeout(resolve, 5))
    await source.timeEntries.create('4', { minutes: 20, note: 'Follow-up visit' })
    await source.tickets.update('4', { subject: 'Printer 1 is jammed again' })
    const second = createMigration({ source, target, ...ledgerAt })
    const report = await second.run()
    const verify = await second.verify()
    await second.close()
    expect(report.counts.timeEntries).toMatchObject({
      created: 1,
      skipped: [...source.store.timeEntries.values()].filter((entry) => entry.ticketId === 4).length - 1,
    })
    expect(target.store.timeEntries.size).toBe(before + 1)
    expect(verify.passed).toBe(true)
  })

  it('records an entry without a person, with a warning, when the person has no counterpart', async () => {
    const source = createMemoryAdapter({ vendor: 'memory-source' })
    await seedMemoryHelpDesk(source, 2)
    const contractor = (await source.people.create({ kind: 'agent', name: 'Casey Contractor', email: 'casey@contractor.example' })).record
    await source.timeEntries.create('4', { minutes: 45, note: 'On-site visit', person: { id: contractor.id } })
    const target = createMemoryAdapter({ vendor: 'memory-target' })
    const migration = createMigration({ source, target, ...testLedger(folder, 'ledger.sqlite'), mapping: { options: { createPeople: false } } })
    const report = await migration.run()
    expect((await migration.verify()).passed).toBe(true)
    await migration.close()
    const [moved] = [...target.store.timeEntries.values()]
    expect(moved).toMatchObject({ minutes: 45, note: 'On-site visit' })
    expect(moved?.personId).toBeUndefined()
    expect(report.warnings).toContainEqual({
      kind: 'time-entry',
      sourceId: expect.stringMatching(/^4\//),
      warning: expect.objectContaining({
        type: 'substituted',
        field: 'person',
        message: expect.stringMatching(/^Casey Contractor .* has no counterpart/),
      }),
    })
    expect(report.failures).toEqual([])
  })

  it('does not duplicate a time entry whose create answer was lost when the process died', async () => {
    const source = createMemoryAdapter({ vendor: 'memory-source' })
    await seedWithTime(source, 8)
    const target = createMemoryAdapter({ vendor: 'memory-target' })
    const ledgerAt = testLedger(folder, 'ledger.sqlite')
    // The first entry lands in the target, then the run is killed before the ledger hears of it.
    const crashing = loseTimeEntryAnswers(target, () => new AbortError('simulated crash after a time entry was stored'), 1)
    const first = createMigration({ source, target: crashing, ...ledgerAt, concurrency: 1 })
    await expect(first.run()).rejects.toThrow('simulated crash')
    await first.close()
    expect(crashing.lost).toBe(1)
    const inspect = await openTestLedger(ledgerAt)
    const pending = await inspect.inState('time-entry', 'pending')
    await inspect.close()
    expect(pending).toHaveLength(1)
    expect(target.store.timeEntries.size).toBe(1)

    const resumed = createMigration({ source, target, ...ledgerAt })
    const report = await resumed.run()
    const verify = await resumed.verify()
    await resumed.close()
    expect(target.store.timeEntries.size).toBe(source.store.timeEntries.size)
    expect(report.counts.timeEntries.created).toBe(source.store.timeEntries.size - 1)
    expect(verify.differences).toEqual([])
    expect(verify.timeEntries.target).toBe(source.store.timeEntries.size)
  })

  it('does not duplicate a time entry stored before a timeout, and finishes its ticket on the next run', async () => {
    const source = createMemoryAdapter({ vendor: 'memory-source' })
    await seedWithTime(source, 8)
    const target = createMemoryAdapter({ vendor: 'memory-target' })
    const ledgerAt = testLedger(folder, 'ledger.sqlite')
    const timingOut = loseTimeEntryAnswers(
      target,
      () => new TimeoutError('No answer within 30000 ms (POST /time-entries).', { vendor: 'memory-target', timeoutMs: 30_000 }),
      2,
    )
    // No retry round in this run: the next run finishes the work (see the next case for the rounds).
    const first = createMigration({ source, target: timingOut, ...ledgerAt, transientRetries: { rounds: 0 } })
    const firstReport = await first.run()
    await first.close()
    expect(firstReport.transientRetries).toEqual({ tickets: 2, rounds: 0, leftForNextRun: 2 })
    // Not fatal: the rest of the run went on, and the two entries are reported.
    expect(firstReport.counts.timeEntries.failed).toBe(2)
    expect(firstReport.failures.filter((failure) => failure.kind === 'time-entry')).toHaveLength(2)
    // The two entries landed; the later entries of their tickets wait for the next run.
    const afterFirst = target.store.timeEntries.size

    const second = createMigration({ source, target, ...ledgerAt })
    const report = await second.run()
    const verify = await second.verify()
    await second.close()
    expect(report.counts.timeEntries.created).toBe(source.store.timeEntries.size - afterFirst)
    expect(report.failures).toEqual([])
    expect(target.store.timeEntries.size).toBe(source.store.timeEntries.size)
    expect(verify.passed).toBe(true)
    expect(verify.tickets.checked).toBe(8)
  })

  it('tries a ticket again in the same run after a timeout, and duplicates nothing', async () => {
    const source = createMemoryAdapter({ vendor: 'memory-source' })
    await seedWithTime(source, 8)
    const target = createMemoryAdapter({ vendor: 'memory-target' })
    const timingOut = loseTimeEntryAnswers(
      target,
      () => new TimeoutError('No answer within 30000 ms (POST /time-entries).', { vendor: 'memory-target', timeoutMs: 30_000 }),
      2,
    )
    const migration = createMigration({
      source,
      target: timingOut,
      ...testLedger(folder, 'ledger.sqlite'),
      transientRetries: { initialDelayMs: 10 },
    })
    const report = await migration.run()
    const verify = await migration.verify()
    await migration.close()
    expect(report.transientRetries).toEqual({ tickets: 2, rounds: 1, leftForNextRun: 0 })
    expect(report.failures).toEqual([])
    expect(report.counts.tickets).toMatchObject({ read: 8, created: 8, failed: 0 })
    // The two whose answers were lost had landed: found on the target, not sent again.
    expect(report.counts.timeEntries).toMatchObject({
      read: source.store.timeEntries.size,
      created: source.store.timeEntries.size - 2,
      matched: 2,
      skipped: 0,
      failed: 0,
    })
    expect(target.store.timeEntries.size).toBe(source.store.timeEntries.size)
    expect(verify.passed).toBe(true)
  })

  it('sends again a time entry the target refused (a fault), once', async () => {
    const source = createMemoryAdapter({ vendor: 'memory-source' })
    await seedWithTime(source, 6)
    const target = createMemoryAdapter({ vendor: 'memory-target' })
    const ledgerAt = testLedger(folder, 'ledger.sqlite')
    // The memory adapter's fault queue plays a 500 on the very next call: the first time-entry create.
    let injected = false
    const faulty: TicketingAdapter = {
      ...target,
      timeEntries: {
        ...target.timeEntries,
        create: (ticketId, input, options) => {
          if (!injected) {
            injected = true
            target.faults.inject({ kind: 'status', status: 500 })
          }
          return target.timeEntries.create(ticketId, input, options)
        },
      },
    }
    const first = createMigration({ source, target: faulty, ...ledgerAt, transientRetries: { rounds: 0 } })
    const firstReport = await first.run()
    await first.close()
    expect(firstReport.counts.timeEntries.failed).toBe(1)
    // The entry and its ticket (left unfinished, so the next run continues it) are reported.
    expect(firstReport.failures.map((failure) => failure.kind).sort()).toEqual(['ticket', 'time-entry'])
    expect(firstReport.failures).toContainEqual(expect.objectContaining({ kind: 'time-entry', reason: expect.stringContaining('500') }))
    const afterFirst = target.store.timeEntries.size
    expect(afterFirst).toBeLessThan(source.store.timeEntries.size)

    const second = createMigration({ source, target, ...ledgerAt })
    const report = await second.run()
    expect((await second.verify()).passed).toBe(true)
    await second.close()
    expect(report.counts.timeEntries.created).toBe(source.store.timeEntries.size - afterFirst)
    expect(target.store.timeEntries.size).toBe(source.store.timeEntries.size)
  })

  it('leaves out negative corrections with a warning', async () => {
    const memory = createMemoryAdapter({ vendor: 'memory-source' })
    await seedMemoryHelpDesk(memory, 1)
    await memory.timeEntries.create('4', { minutes: 30, note: 'Diagnosis' })
    // RT records a correction of time worked as a negative TimeTaken.
    const source: TicketingAdapter = {
      ...memory,
      timeEntries: {
        ...memory.timeEntries,
        // Read per ticket, so the override below is what the engine reads.
        listForTickets: undefined,
        list: (ticketId, options) => {
          const listed = memory.timeEntries.list(ticketId, options)
          return {
            ...listed,
            async *[Symbol.asyncIterator]() {
              yield* listed
              yield { id: '999', vendor: 'memory-source', raw: {}, ticketId, minutes: -10 }
            },
          }
        },
      },
    }
    const target = createMemoryAdapter({ vendor: 'memory-target' })
    const migration = createMigration({ source, target, ...testLedger(folder, 'ledger.sqlite') })
    const report = await migration.run()
    const verify = await migration.verify()
    await migration.close()
    expect(report.counts.timeEntries).toMatchObject({ read: 2, created: 1, skipped: 1, failed: 0 })
    expect(report.warnings).toContainEqual({
      kind: 'time-entry',
      sourceId: '4/999',
      warning: expect.objectContaining({ field: 'minutes', message: expect.stringContaining('-10 minutes') }),
    })
    expect(verify.passed).toBe(true)
    expect(verify.timeEntries).toMatchObject({ source: 1, sourceMinutes: 30, targetMinutes: 30 })
  })

  it('reports a time entry missing from the target as a difference', async () => {
    const source = createMemoryAdapter({ vendor: 'memory-source' })
    await seedWithTime(source, 4)
    const target = createMemoryAdapter({ vendor: 'memory-target' })
    const migration = createMigration({ source, target, ...testLedger(folder, 'ledger.sqlite') })
    await migration.run()
    const [firstId] = target.store.timeEntries.keys()
    target.store.timeEntries.delete(firstId!)
    const verify = await migration.verify()
    await migration.close()
    expect(verify.passed).toBe(false)
    expect(verify.differences.map((difference) => difference.field)).toEqual(expect.arrayContaining(['time entry', 'time entries']))
    expect(verify.timeEntries.target).toBe(source.store.timeEntries.size - 1)
  })

  it('lists one degradation, and reads no time entries, when the target keeps none', async () => {
    const memory = createMemoryAdapter({ vendor: 'memory-source' })
    await seedWithTime(memory, 6)
    let listed = 0
    const source: TicketingAdapter = {
      ...memory,
      timeEntries: {
        ...memory.timeEntries,
        // Read per ticket, so the override below is what the engine reads.
        listForTickets: undefined,
        list: (ticketId, options) => {
          listed += 1
          return memory.timeEntries.list(ticketId, options)
        },
      },
    }
    const target = createMemoryAdapter({ vendor: 'memory-target', capabilities: { timeEntries: false } })
    const migration = createMigration({ source, target, ...testLedger(folder, 'ledger.sqlite') })
    const report = await migration.run()
    const verify = await migration.verify()
    await migration.close()
    expect(report.preflight?.degradations.filter((line) => /time/i.test(line))).toEqual([
      'memory-target keeps no time entries: time worked in memory-source is not moved.',
    ])
    expect(listed).toBe(0)
    expect(report.counts.timeEntries.read).toBe(0)
    expect(report.warnings.filter(({ kind }) => kind === 'time-entry')).toEqual([])
    expect(verify.passed).toBe(true)
  })
  describe('recorded on comments', () => {
    // Halo and RT record time on comments: the memory target stands in for one of them (by name).
    const targetRecordingTimeOnComments = () => createMemoryAdapter({ vendor: 'memory-target', capabilities: { timeEntriesAreComments: true } })

    it('moves the text once: the comment carries its time, where the target records time on comments', async () => {
      const memory = createMemoryAdapter({ vendor: 'memory-source' })
      const ticketId = await seedTimeOnComments(memory)
      // The second timed comment is not listed (like a Halo system action): it never moves, so its entry keeps the note.
      const source = recordingTimeOnComments(memory, ['Logged by phone'])
      const listed = await source.timeEntries.list(ticketId).toArray({ limit: 10 })
      expect(listed.filter((entry) => entry.commentId !== undefined)).toHaveLength(2)
      const target = targetRecordingTimeOnComments()
      const migration = createMigration({ source, target, ...testLedger(folder, 'ledger.sqlite') })
      const report = await migration.run()
      const verify = await migration.verify()
      await migration.close()

      expect(report.failures).toEqual([])
      expect(report.counts.timeEntries).toMatchObject({ read: 3, created: 3, failed: 0 })
      const moved = await movedTicket(source, target, ticketId)
      // The timed comment arrives as one comment with its 30 minutes on it; the entry whose comment did not move keeps its note.
      expect(moved.entries).toEqual([
        { minutes: 30, note: expect.stringContaining('Replaced the fuser unit') },
        { minutes: 30, note: 'Logged by phone' },
        { minutes: 10, note: 'Travel to site' },
      ])
      expect([...target.store.timeEntries.values()].filter((entry) => entry.commentId !== undefined)).toHaveLength(1)
      expect(moved.comments.filter((text) => text.includes('Replaced the fuser unit'))).toHaveLength(1)
      expect(moved.comments.some((text) => text.includes('Logged by phone'))).toBe(false)
      // Nothing was left out, so nothing is reported.
      expect(report.warnings.filter(({ kind, warning }) => kind === 'time-entry' && warning.field === 'note')).toEqual([])
      expect(verify.differences).toEqual([])
      expect(verify.timeEntries).toMatchObject({ source: 3, target: 3, sourceMinutes: 70, targetMinutes: 70 })
    })

    it('keeps the note where a time entry is a record of its own (Autotask, memory)', async () => {
      const memory = createMemoryAdapter({ vendor: 'memory-source' })
      const ticketId = await seedTimeOnComments(memory)
      const source = recordingTimeOnComments(memory)
      const target = createMemoryAdapter({ vendor: 'memory-target' })
      const migration = createMigration({ source, target, ...testLedger(folder, 'ledger.sqlite') })
      await migration.run()
      await migration.close()
      const moved = await movedTicket(source, target, ticketId)
      expect(moved.entries).toEqual([
        { minutes: 30, note: 'Replaced the fuser unit' },
        { minutes: 30, note: 'Logged by phone' },
        { minutes: 10, note: 'Travel to site' },
      ])
    })

    it('finds an entry whose create answer was lost, and does not add it again', async () => {
      const memory = createMemoryAdapter({ vendor: 'memory-source' })
      const ticketId = await seedTimeOnComments(memory)
      const source = recordingTimeOnComments(memory)
      const target = targetRecordingTimeOnComments()
      const ledgerAt = testLedger(folder, 'ledger.sqlite')
      const crashing = loseTimeEntryAnswers(target, () => new AbortError('simulated crash after a time entry was stored'), 1)
      const first = createMigration({ source, target: crashing, ...ledgerAt, concurrency: 1 })
      await expect(first.run()).rejects.toThrow('simulated crash')
      await first.close()
      // Both timed comments carried their time; the crash came with the entry written on its own.
      expect([...target.store.timeEntries.values()].map(({ minutes, commentId }) => ({ minutes, onComment: commentId !== undefined }))).toEqual([
        { minutes: 30, onComment: true },
        { minutes: 30, onComment: true },
        { minutes: 10, onComment: false },
      ])

      const resumed = createMigration({ source, target, ...ledgerAt })
      const report = await resumed.run()
      const verify = await resumed.verify()
      await resumed.close()
      // The lost one was found in the target, not sent again.
      expect(report.counts.timeEntries.created).toBe(0)
      expect((await movedTicket(source, target, ticketId)).entries).toEqual([
        { minutes: 30, note: expect.stringContaining('Replaced the fuser unit') },
        { minutes: 30, note: expect.stringContaining('Logged by phone') },
        { minutes: 10, note: 'Travel to site' },
      ])
      expect(verify.differences).toEqual([])
    })
  })
  describe('recorded on comments, between the Halo and RT simulators', () => {
    /** How often each text appears among a ticket's comments (provenance lines aside). */
    const occurrences = (comments: { body: { text: string } }[], text: string) =>
      comments.filter((comment) => comment.body.text.includes(text)).length

    it('Halo → RT: a timed action arrives once, as the comment, with its time beside it', async () => {
      const halo = (await simulators.start(haloConnector)).adapter as HaloAdapter
      const rt = (await simulators.start(rtConnector)).adapter
      const { record: ticket } = await halo.tickets.create({ subject: 'Printer jams', description: { text: 'Floor 2 printer jams.' } })
      const outcomes = await halo.client.outcomes.list({}).toArray({ limit: 100 })
      const note = Number(outcomes.find((outcome) => outcome.outcome === 'Note')!.id)
      await halo.client.actions.createNote(Number(ticket.id), { note: 'Replaced the toner', hiddenfromuser: false, outcome_id: note, timetaken: 0.5 })
      await halo.comments.create(ticket.id, { body: { text: 'Waiting for the user' }, visibility: 'internal' })
      await halo.timeEntries.create(ticket.id, { minutes: 15, note: 'Checked the spooler' })

      const migration = createMigration({ source: halo, target: rt, ...testLedger(folder, 'halo-to-rt.sqlite') })
      const report = await migration.run()
      const verify = await migration.verify()
      await migration.close()
      expect(report.failures).toEqual([])
      expect(verify.differences).toEqual([])
      expect(verify.timeEntries).toEqual({ source: 2, target: 2, sourceMinutes: 45, targetMinutes: 45 })

      const moved = (await rt.tickets.findByExternalId(`halo:${ticket.id}`))!
      const comments = await rt.comments.list(moved.id).toArray({ limit: 100 })
      for (const text of ['Replaced the toner', 'Waiting for the user', 'Checked the spooler']) expect(occurrences(comments, text)).toBe(1)
      // Each timed action arrives as one RT comment carrying its time: no second, time-only transaction.
      const entries = await rt.timeEntries.list(moved.id).toArray({ limit: 100 })
      const commentIds = new Set(comments.map((comment) => comment.id))
      expect(entries.map(({ minutes, commentId }) => ({ minutes, onComment: commentIds.has(commentId ?? '') }))).toEqual([
        { minutes: 30, onComment: true },
        { minutes: 15, onComment: true },
      ])
    }, 120_000)

    it('RT → Halo: a timed reply arrives once, as the comment, with its time beside it', async () => {
      const rt = (await simulators.start(rtConnector)).adapter
      const halo = (await simulators.start(haloConnector)).adapter
      const { record: ticket } = await rt.tickets.create({ subject: 'VPN drops', description: { text: 'The VPN drops hourly.' } })
      await rt.comments.create(ticket.id, {
        body: { text: 'Updated the client, please try again.' },
        visibility: 'public',
        vendorOptions: { rt: { TimeTaken: 20 } },
      })
      await rt.timeEntries.create(ticket.id, { minutes: 40, note: 'Captured the tunnel logs' })

      const migration = createMigration({ source: rt, target: halo, ...testLedger(folder, 'rt-to-halo.sqlite') })
      const report = await migration.run()
      const verify = await migration.verify()
      await migration.close()
      expect(report.failures).toEqual([])
      expect(verify.differences).toEqual([])
      expect(verify.timeEntries).toEqual({ source: 2, target: 2, sourceMinutes: 60, targetMinutes: 60 })

      const moved = (await halo.tickets.findByExternalId(`rt:${ticket.id}`))!
      const comments = await halo.comments.list(moved.id).toArray({ limit: 100 })
      for (const text of ['Updated the client, please try again.', 'Captured the tunnel logs']) expect(occurrences(comments, text)).toBe(1)
      const entries = await halo.timeEntries.list(moved.id).toArray({ limit: 100 })
      const commentIds = new Set(comments.map((comment) => comment.id))
      expect(entries.map(({ minutes, commentId }) => ({ minutes, onComment: commentIds.has(commentId ?? '') }))).toEqual([
        { minutes: 20, onComment: true },
        { minutes: 40, onComment: true },
      ])
    }, 120_000)
  })
})
