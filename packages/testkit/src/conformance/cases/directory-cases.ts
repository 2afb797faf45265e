import { expect } from 'vitest'
import type { ConformanceContext, ConformanceOptions } from '../conformance-harness'
import { conformanceCase } from './conformance-case'
import { createTestTicket } from './ticket-cases'

export function defineDirectoryCases(context: ConformanceContext, options: ConformanceOptions): void {
  conformanceCase(context, options, 'reads the lookups', async ({ adapter }) => {
    const [statuses, priorities, queues, ticketTypes, customFields] = await Promise.all([
      adapter.lookups.statuses(),
      adapter.lookups.priorities(),
      adapter.lookups.queues(),
      adapter.lookups.ticketTypes(),
      adapter.lookups.customFields(),
    ])
    expect(statuses.length).toBeGreaterThan(0)
    expect(new Set(statuses.map((status) => status.id)).size).toBe(statuses.length)
    expect(priorities.length).toBeGreaterThan(0)
    expect(Array.isArray(queues)).toBe(true)
    expect(Array.isArray(ticketTypes)).toBe(true)
    for (const field of customFields) expect(field.key).toMatch(/\S/)
  })

  conformanceCase(context, options, 'creates and finds people by email', async ({ adapter, runTag }, skip) => {
    if (!adapter.capabilities.people.create) return skip('people.create is not supported')
    const email = `${runTag.toLowerCase()}@example.com`
    const { record } = await adapter.people.create({ kind: 'contact', name: `Casey ${runTag}`, email })
    expect(record.kind).toBe('contact')
    expect((await adapter.people.findByEmail(email.toUpperCase()))?.id).toBe(record.id)
    expect((await adapter.people.get(record.id)).email?.toLowerCase()).toBe(email)
    expect(await adapter.people.findByEmail(`nobody-${runTag.toLowerCase()}@example.com`)).toBeUndefined()
  })

  conformanceCase(context, options, 'creates and finds organizations by name', async ({ adapter, runTag }, skip) => {
    if (!adapter.capabilities.organizations.create) return skip('organizations.create is not supported')
    const name = `Contoso ${runTag}`
    const { record } = await adapter.organizations.create({ name })
    expect((await adapter.organizations.findByName(name))?.id).toBe(record.id)
    expect((await adapter.organizations.get(record.id)).name).toBe(name)
  })

  conformanceCase(context, options, 'records time entries', async ({ adapter, runTag }, skip) => {
    if (!adapter.capabilities.timeEntries || !adapter.capabilities.tickets.create) return skip('timeEntries are not supported')
    const ticket = await createTestTicket(adapter, `${runTag} time`)
    const { record } = await adapter.timeEntries.create(ticket.id, { minutes: 45, note: 'Replaced toner' })
    expect(record.minutes).toBe(45)
    const listed = await adapter.timeEntries.list(ticket.id).toArray({ limit: 100 })
    expect(listed.map((entry) => entry.id)).toContain(record.id)
  })

  conformanceCase(context, options, 'relates tickets', async ({ adapter, runTag }, skip) => {
    if (!adapter.capabilities.relations || !adapter.capabilities.tickets.create) return skip('relations are not supported')
    const parent = await createTestTicket(adapter, `${runTag} parent`)
    const child = await createTestTicket(adapter, `${runTag} child`)
    await adapter.relations.create(child.id, { relatedTicketId: parent.id, kind: 'parent' })
    const relations = await adapter.relations.list(child.id)
    expect(relations).toContainEqual({ ticketId: child.id, relatedTicketId: parent.id, kind: 'parent' })
  })
}
