import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest'
import { AutotaskClient } from './client/autotask-client'
import type { AutotaskRecord } from './client/autotask-query'
import type { components } from './generated/autotask-openapi'
import { type AutotaskServedSimulator, createAutotaskSimulator } from './simulator'
import { type AutotaskRecordIssue, checkAutotaskRecord } from './spec/check-autotask-record'
import { autotaskSpecIndex } from './spec/autotask-spec-index'

/** The issues of each record against the model the spec gives its entity (`Tickets` → `TicketModel`). */
function issuesOf(entity: string, records: readonly unknown[]): { entity: string; issues: AutotaskRecordIssue[] } {
  const modelName = autotaskSpecIndex.entities[entity]
  if (modelName === undefined) throw new Error(`the spec index has no model for ${entity}`)
  const model = autotaskSpecIndex.models[modelName]!
  return { entity, issues: records.flatMap((record) => checkAutotaskRecord(modelName, model, record)) }
}

const clean = (entity: string) => ({ entity, issues: [] })

describe('the simulator answers as the Autotask spec’s models say (the types the client’s entities return)', () => {
  const simulator = createAutotaskSimulator({ seed: 12 })
  let served: AutotaskServedSimulator
  let client: AutotaskClient

  beforeAll(async () => {
    served = await simulator.serve()
    const { username, secret, integrationCode } = simulator.credentials
    client = new AutotaskClient({
      username,
      secret,
      integrationCode,
      zoneDiscoveryUrl: served.zoneDiscoveryUrl,
      rateLimitKey: 'autotask-simulator-answers',
      thresholdResyncIntervalMs: 0,
    })
  })
  afterAll(async () => {
    await client.close()
    await served.close()
  })

  it('tickets: a query page and one ticket', async () => {
    const page = await client.tickets.query({ maxRecords: 20 })
    expect(page.items.length).toBeGreaterThan(0)
    expect(issuesOf('Tickets', page.items)).toEqual(clean('Tickets'))
    const ticket = await client.tickets.get(page.items[0]!.id)
    expect(issuesOf('Tickets', [ticket])).toEqual(clean('Tickets'))
    // The record is the spec's TicketModel, every field optional and nullable, with a numeric id.
    expectTypeOf(ticket).toEqualTypeOf<AutotaskRecord<components['schemas']['TicketModel']>>()
    expectTypeOf(ticket.title).toEqualTypeOf<string | null | undefined>()
    // @ts-expect-error TicketModel has no such field.
    expect(ticket.not_a_field).toBeUndefined()
  })

  it('ticket notes, contacts, companies and ticket attachments: query pages and single records', async () => {
    const notes = await client.ticketNotes.query({ maxRecords: 20 })
    expect(issuesOf('TicketNotes', notes.items)).toEqual(clean('TicketNotes'))
    expectTypeOf(notes.items[0]!.noteType).toEqualTypeOf<number | null | undefined>()
    const contacts = await client.contacts.query({ maxRecords: 20 })
    expect(issuesOf('Contacts', contacts.items)).toEqual(clean('Contacts'))
    expect(issuesOf('Contacts', [await client.contacts.get(contacts.items[0]!.id)])).toEqual(clean('Contacts'))
    const companies = await client.companies.query({ maxRecords: 20 })
    expect(issuesOf('Companies', companies.items)).toEqual(clean('Companies'))
    expect(issuesOf('Companies', [await client.companies.get(companies.items[0]!.id)])).toEqual(clean('Companies'))
    const attachments = await client.ticketAttachments.entity.query({ maxRecords: 20 })
    expect(issuesOf('TicketAttachments', attachments.items)).toEqual(clean('TicketAttachments'))
  })

  it('a created ticket and note read back as they were written', async () => {
    const company = (await client.companies.query({ maxRecords: 1 })).items[0]!
    const ticketId = await client.tickets.create({ companyID: company.id, title: 'Printer offline', status: 1, priority: 2, queueID: 29682833 })
    const noteId = await client.tickets.addNote(ticketId, { description: 'Checked the cable.' })
    expect(issuesOf('Tickets', [await client.tickets.get(ticketId)])).toEqual(clean('Tickets'))
    expect(issuesOf('TicketNotes', [await client.ticketNotes.get(noteId)])).toEqual(clean('TicketNotes'))
  })
})
