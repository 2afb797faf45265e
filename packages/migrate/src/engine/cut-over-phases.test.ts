import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Ticket, TicketingAdapter } from '@ticketbridge/core'
import { createMemoryAdapter, type MemoryAdapter } from '@ticketbridge/memory'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { seedMemoryHelpDesk } from '../test-support/seed-memory-help-desk'
import { testLedger } from '../test-support/test-ledger'
import { renderReportText } from '../report/render-report-text'
import { createMigration } from './create-migration'
import type { MigrationOptions } from './migration-options'

const activeCategories = ['new', 'open', 'pending'] as const
const pause = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds))

/** Every ticket of the target, read through its API. */
const targetTickets = (target: TicketingAdapter) => target.tickets.list().toArray({ limit: 10_000 })

/** A reply on a source ticket and a new status in one step, as an agent does it. */
async function changeOnSource(source: MemoryAdapter, ticketId: string, text: string, category: 'open' | 'resolved') {
  await pause(5)
  await source.comments.create(ticketId, { body: { text }, visibility: 'public' })
  await source.tickets.update(ticketId, { status: { category } })
}

describe('a cut-over in phases on one ledger', () => {
  let folder: string
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'ticketbridge-cut-over-'))
  })
  afterEach(() => rmSync(folder, { recursive: true, force: true }))

  it('moves open work first, then the rest, then the changes at the switch: each ticket once, every change on the target', async () => {
    const source = createMemoryAdapter({ vendor: 'memory-source' })
    const target = createMemoryAdapter({ vendor: 'memory-target' })
    await seedMemoryHelpDesk(source, 40)
    const sourceTickets = await source.tickets.list().toArray({ limit: 10_000 })
    const ledger = testLedger(folder, 'cut-over.sqlite')
    const run = async (options: Partial<MigrationOptions>) => {
      const migration = createMigration({ source, target, ...ledger, ...options })
      try {
        const report = await migration.run()
        return { report, verify: await migration.verify() }
      } finally {
        await migration.close()
      }
    }

    // Phase 1, Friday evening: the open work.
    const cutOverStarted = new Date().toISOString()
    const phaseOne = await run({ only: { statusCategories: [...activeCategories] } })
    const active = sourceTickets.filter((ticket) => (activeCategories as readonly string[]).includes(ticket.status.category))
    expect(active.length).toBe(24)
    expect(phaseOne.report.counts.tickets).toMatchObject({ created: 24, failed: 0 })
    expect((await targetTickets(target)).length).toBe(24)

    // Agents keep working in the old desk: on a ticket already moved, and on one not yet moved.
    const moved = active[0]!
    const notYetMoved = sourceTickets.find((ticket) => ticket.status.category === 'closed')!
    await changeOnSource(source, moved.id, 'Customer: it works again, thanks', 'resolved')
    await changeOnSource(source, notYetMoved.id, 'Customer: it broke again', 'open')

    // Phase 2, over the weekend: the rest; what phase 1 moved is skipped unless it changed.
    const phaseTwo = await run({})
    expect(phaseTwo.report.counts.tickets).toMatchObject({ created: 16, updated: 1, skipped: 23, failed: 0 })

    // Monday morning's switch: what changed since the cut-over began, once more.
    const lastMinute = sourceTickets.find((ticket) => ticket.status.category === 'resolved')!
    await changeOnSource(source, lastMinute.id, 'Agent: reopened before the switch', 'open')
    const delta = await run({ since: cutOverStarted })
    expect(delta.report.counts.tickets.failed).toBe(0)
    expect(delta.report.counts.tickets.updated).toBe(1)
    expect(delta.report.counts.tickets.created).toBe(0)
    expect(delta.verify.passed).toBe(true)

    // Counted on the target through its API: every source ticket exactly once.
    const landed = await targetTickets(target)
    expect(landed.length).toBe(40)
    const stamps = landed.map((ticket) => ticket.externalId)
    expect(new Set(stamps).size).toBe(40)
    expect(new Set(stamps)).toEqual(new Set(sourceTickets.map((ticket) => `memory-source:${ticket.id}`)))
    const landedOf = (sourceTicket: Ticket) => landed.find((ticket) => ticket.externalId === `memory-source:${sourceTicket.id}`)!
    for (const [sourceTicket, text, category] of [
      [moved, 'it works again', 'resolved'],
      [notYetMoved, 'it broke again', 'open'],
      [lastMinute, 'reopened before the switch', 'open'],
    ] as const) {
      const copy = landedOf(sourceTicket)
      expect(copy.status.category).toBe(category)
      const comments = await target.comments.list(copy.id).toArray({ limit: 10_000 })
      expect(comments.filter((comment) => comment.body.text.includes(text))).toHaveLength(1)
    }

    // The report shows each phase, and the whole migration from the ledger.
    const phases = delta.report.phases!
    expect(phases.map((phase) => phase.moved)).toEqual(['new, open, pending tickets', 'everything not yet moved', `changes since ${cutOverStarted}`])
    expect(phases.map((phase) => phase.counts?.tickets?.created)).toEqual([24, 16, 0])
    expect(delta.report.ledgerTotals.ticket).toEqual({ completed: 40 })
    const text = renderReportText(delta.report)
    expect(text).toContain('Phases (3 runs of this ledger, oldest first):')
    expect(text).toContain('everything not yet moved')
  })

  it('lists the most recently updated tickets first, and still moves a ticket that changed while the listing ran', async () => {
    const memorySource = createMemoryAdapter({ vendor: 'memory-source' })
    const target = createMemoryAdapter({ vendor: 'memory-target' })
    await seedMemoryHelpDesk(memorySource, 150)
    const all = await memorySource.tickets.list().toArray({ limit: 10_000 })
    const changedMidListing = all[5]!
    let firstListing = true
    // After the first page of the first listing, an agent answers a ticket the listing has not reached yet.
    const source: TicketingAdapter = {
      ...memorySource,
      tickets: {
        ...memorySource.tickets,
        list: (query, options) => {
          const listing = memorySource.tickets.list(query, options)
          if (!firstListing) return listing
          firstListing = false
          return Object.assign(Object.create(listing) as typeof listing, {
            async *pages() {
              let page = 0
              for await (const items of listing.pages()) {
                yield items
                page += 1
                if (page === 1) await changeOnSource(memorySource, changedMidListing.id, 'Answered mid-listing', 'open')
              }
            },
          })
        },
      },
    }
    const order: string[] = []
    const migration = createMigration({
      source,
      target,
      ...testLedger(folder, 'order.sqlite'),
      concurrency: 1,
      onProgress: (event) => {
        if (event.phase === 'tickets' && event.outcome !== 'retry') order.push(event.sourceId)
      },
    })
    const report = await migration.run()
    await migration.close()
    expect(report.counts.tickets).toMatchObject({ created: 150, failed: 0 })
    // Newest change first: the seed's last tickets lead.
    const newestFirst = [...all].sort((left, right) => right.updatedAt.localeCompare(left.updatedAt) || Number(right.id) - Number(left.id))
    expect(order.slice(0, 100)).toEqual(newestFirst.slice(0, 100).map((ticket) => ticket.id))
    // The ticket that changed mid-listing jumped to pages already read; the run found it anyway, in its changed state.
    const landed = await targetTickets(target)
    expect(landed.length).toBe(150)
    const copy = landed.find((ticket) => ticket.externalId === `memory-source:${changedMidListing.id}`)!
    const comments = await target.comments.list(copy.id).toArray({ limit: 10_000 })
    expect(comments.some((comment) => comment.body.text.includes('Answered mid-listing'))).toBe(true)
  })
})
