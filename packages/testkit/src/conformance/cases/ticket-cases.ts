import { NotFoundError, type Ticket, type TicketingAdapterV1, ValidationError } from '@ticketbridge/core'
import { expect } from 'vitest'
import { expectRejection } from '../catch-error'
import type { ConformanceContext, ConformanceOptions } from '../conformance-harness'
import { conformanceCase, sleep } from './conformance-case'

const isoUtc = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/

export async function createTestTicket(adapter: TicketingAdapterV1, subject: string, extra: Record<string, unknown> = {}): Promise<Ticket> {
  const result = await adapter.tickets.create({ subject, description: { text: `Created by the conformance suite: ${subject}` }, ...extra })
  return result.record
}

export function defineTicketCases(context: ConformanceContext, options: ConformanceOptions): void {
  conformanceCase(context, options, 'creates a ticket and reads it back', async ({ adapter, runTag }, skip) => {
    if (!adapter.capabilities.tickets.create) return skip('tickets.create is not supported')
    const subject = `${runTag} round trip`
    const description = adapter.capabilities.tickets.html
      ? { text: 'Printer on floor 2 is jammed.', html: '<p>Printer on <b>floor 2</b> is jammed.</p>' }
      : { text: 'Printer on floor 2 is jammed.' }
    const { record: created, warnings } = await adapter.tickets.create({ subject, description, priority: { level: 'high' } })
    expect(warnings).toEqual([])
    expect(created.id).toMatch(/\S/)
    expect(created.vendor).toBe(adapter.vendor)
    const read = await adapter.tickets.get(created.id)
    expect(read.id).toBe(created.id)
    expect(read.subject).toBe(subject)
    expect(read.description.text).toContain('Printer on')
    expect(read.description.text).toContain('floor 2')
    if (description.html) expect(read.description.html).toContain('floor 2')
    expect(read.priority.level).toBe('high')
    expect(read.createdAt).toMatch(isoUtc)
    expect(read.updatedAt).toMatch(isoUtc)
    expect(read.raw).toBeDefined()
    expect(read.raw).not.toBeNull()
    if (adapter.capabilities.tickets.update) {
      const { record: updated } = await adapter.tickets.update(created.id, { subject: `${subject} (edited)` })
      expect(updated.subject).toBe(`${subject} (edited)`)
      expect((await adapter.tickets.get(created.id)).subject).toBe(`${subject} (edited)`)
      expect(Date.parse(updated.updatedAt)).toBeGreaterThanOrEqual(Date.parse(read.createdAt))
    }
  })

  conformanceCase(context, options, 'lists every ticket across the page cap, once each', async ({ adapter, harness, runTag }, skip) => {
    if (!adapter.capabilities.tickets.create && !harness.seedTickets) return skip('cannot create tickets to page through')
    const cap = adapter.capabilities.tickets.pageSizeLimit
    const count = options.pagingTicketCount ?? cap * 2 + 17
    const marker = `${runTag}-paging`
    if (harness.seedTickets) await harness.seedTickets(count, marker)
    else {
      // Created in small parallel batches: fast enough on real servers, gentle on their limits.
      for (let start = 0; start < count; start += 5) {
        await Promise.all(
          Array.from({ length: Math.min(5, count - start) }, (_, offset) => createTestTicket(adapter, `${marker} ${start + offset + 1}`)),
        )
      }
    }
    const ids: string[] = []
    let pages = 0
    // Ask for more than the cap: paging must follow what the server returned, not what was asked.
    for await (const page of adapter.tickets.list({ text: marker, pageSize: cap * 3 }).pages()) {
      pages += 1
      expect(page.items.length).toBeLessThanOrEqual(cap)
      for (const ticket of page.items) ids.push(ticket.id)
    }
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids.length).toBe(count)
    expect(pages).toBeGreaterThanOrEqual(Math.ceil(count / cap))
  })

  conformanceCase(context, options, 'filters by updatedSince', async ({ adapter, runTag }, skip) => {
    if (!adapter.capabilities.tickets.create) return skip('tickets.create is not supported')
    const marker = `${runTag}-since`
    const before = await createTestTicket(adapter, `${marker} before`)
    // Vendors keep times to the second: leave a clear gap on both sides of the cut-off.
    await sleep(1100)
    const cutOff = new Date(Math.ceil(Date.now() / 1000) * 1000)
    await sleep(cutOff.getTime() - Date.now() + 1100)
    const after = await createTestTicket(adapter, `${marker} after`)
    const listed = await adapter.tickets.list({ text: marker, updatedSince: cutOff.toISOString() }).toArray({ limit: 100 })
    const listedIds = listed.map((ticket) => ticket.id)
    expect(listedIds).toContain(after.id)
    expect(listedIds).not.toContain(before.id)
    for (const ticket of listed) expect(Date.parse(ticket.updatedAt)).toBeGreaterThanOrEqual(cutOff.getTime())
  })

  conformanceCase(context, options, 'maps each status to its category and keeps the vendor value', async ({ adapter, runTag }, skip) => {
    if (!adapter.capabilities.tickets.create || !adapter.capabilities.tickets.update) return skip('tickets.update is not supported')
    const statuses = await adapter.lookups.statuses()
    expect(statuses.length).toBeGreaterThan(0)
    const ticket = await createTestTicket(adapter, `${runTag} statuses`)
    // One status per category keeps the case short on real servers.
    const oneOfEach = [...new Map(statuses.map((status) => [status.category, status])).values()]
    for (const status of oneOfEach) {
      await adapter.tickets.update(ticket.id, { status: { id: status.id } })
      const read = await adapter.tickets.get(ticket.id)
      expect(read.status).toEqual({ category: status.category, id: status.id, name: status.name })
      const inCategory = await adapter.tickets.list({ text: `${runTag} statuses`, statusCategories: [status.category] }).toArray({ limit: 10 })
      expect(inCategory.map((listed) => listed.id)).toContain(ticket.id)
    }
  })

  conformanceCase(context, options, 'maps each priority to its level and keeps the vendor value', async ({ adapter, runTag }, skip) => {
    if (!adapter.capabilities.tickets.create || !adapter.capabilities.tickets.update) return skip('tickets.update is not supported')
    const priorities = await adapter.lookups.priorities()
    expect(priorities.length).toBeGreaterThan(0)
    const ticket = await createTestTicket(adapter, `${runTag} priorities`)
    for (const priority of priorities.slice(0, 8)) {
      await adapter.tickets.update(ticket.id, { priority: { id: priority.id } })
      const read = await adapter.tickets.get(ticket.id)
      expect(read.priority.level).toBe(priority.level)
      expect(read.priority.id).toBe(priority.id)
      expect(read.priority.name).toBe(priority.name)
    }
  })

  conformanceCase(context, options, 'finds a ticket by its external id', async ({ adapter, runTag }, skip) => {
    if (!adapter.capabilities.tickets.create) return skip('tickets.create is not supported')
    const externalId = `${runTag}-external-1`
    const { record, warnings } = await adapter.tickets.create({
      subject: `${runTag} external id`,
      description: { text: 'Stamped with an external id.' },
      externalId,
    })
    expect(warnings).toEqual([])
    const found = await adapter.tickets.findByExternalId(externalId)
    expect(found?.id).toBe(record.id)
    expect(found?.externalId).toBe(externalId)
    expect(await adapter.tickets.findByExternalId(`${runTag}-never-stamped`)).toBeUndefined()
  })

  conformanceCase(context, options, 'finds every ticket of many external ids at once, a second copy included', async ({ adapter, runTag }, skip) => {
    if (!adapter.capabilities.tickets.create) return skip('tickets.create is not supported')
    if (!adapter.tickets.findAllByExternalIds)
      return skip('tickets.findAllByExternalIds is not implemented (findTicketsByExternalIds falls back to findByExternalId)')
    const twice = `${runTag}-many-1`
    const once = `${runTag}-many-2`
    const first = (await adapter.tickets.create({ subject: `${runTag} many 1`, description: { text: 'First copy.' }, externalId: twice })).record
    const other = (await adapter.tickets.create({ subject: `${runTag} many 2`, description: { text: 'Only copy.' }, externalId: once })).record
    const second = (await adapter.tickets.create({ subject: `${runTag} many 1 again`, description: { text: 'Second copy.' }, externalId: twice }))
      .record
    const found = await adapter.tickets.findAllByExternalIds([twice, once, `${runTag}-never-stamped`])
    expect(
      found
        .get(twice)
        ?.map((ticket) => ticket.id)
        .sort(),
    ).toEqual([first.id, second.id].sort())
    expect(found.get(once)?.map((ticket) => ticket.id)).toEqual([other.id])
    expect(found.get(`${runTag}-never-stamped`)).toEqual([])
    for (const ticket of found.get(twice) ?? []) expect(ticket.externalId).toBe(twice)
  })

  conformanceCase(context, options, 'refuses an invalid ticket with a ValidationError naming the field', async (current, skip) => {
    if (!current.adapter.capabilities.tickets.create) return skip('tickets.create is not supported')
    const error = await expectRejection(current, () => current.adapter.tickets.create({ subject: ' ', description: { text: '' } }), ValidationError)
    expect(error.issues.map((issue) => issue.field)).toContain('subject')
  })

  conformanceCase(context, options, 'answers a missing ticket with NotFoundError', async (current) => {
    const error = await expectRejection(current, () => current.adapter.tickets.get('987654321'), NotFoundError)
    expect(error.status).toBe(404)
    expect(error.vendor).toBe(current.adapter.vendor)
  })
}
