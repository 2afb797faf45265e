import { ConflictError, UnsupportedOperationError, ValidationError } from '@ticketbridge/core'
import { createMockServer } from '@ticketbridge/testkit'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createAutotaskSimulator } from '../simulator'
import { createAutotaskAdapter } from './autotask-adapter'
import type { AutotaskAdapterSettings } from './autotask-adapter-settings'

// The simulator's handlers, intercepted in process: the adapter talks to a stateful fake tenant.
const simulator = createAutotaskSimulator()
const server = createMockServer(simulator.handlers)
afterAll(() => server.close())
beforeEach(() => {
  simulator.reset()
  server.reset()
})
// Every request each case sent must exist in the vendor spec.
afterEach(() => expect(simulator.specViolations).toEqual([]))

const technician = { id: 29682834, email: 'priya.raman@simulated-msp.example' }
const settings = (overrides: Partial<AutotaskAdapterSettings> = {}): AutotaskAdapterSettings => ({
  ...simulator.credentials,
  zoneDiscoveryUrl: 'https://webservices.autotask.net/ATServicesRest/V1.0/ZoneInformation',
  thresholdResyncIntervalMs: 0,
  retry: { maxRetries: 1, baseDelayMs: 1 },
  ...overrides,
})

async function newTicket(adapter = createAutotaskAdapter(settings()), subject = 'Printer offline') {
  return (await adapter.tickets.create({ subject, description: { text: 'It shows offline.' } })).record
}

describe('tickets', () => {
  it('fills what Autotask requires and warns about what it cannot keep', async () => {
    const adapter = createAutotaskAdapter(settings())
    const { record, warnings } = await adapter.tickets.create(
      {
        subject: 'VPN drops',
        description: { text: 'Drops every 10 minutes.', html: '<p>Drops every <b>10</b> minutes.</p>' },
        assignee: { email: technician.email },
        tags: ['vpn'],
        team: { name: 'Network' },
        createdAt: '2020-01-01T00:00:00Z',
        customFields: { 'Customer Impact': 'High', Nonexistent: 'x' },
      },
      { silent: true },
    )
    expect(warnings.map((warning) => `${warning.type}:${warning.field}`).sort()).toEqual(
      [
        'converted:description.html',
        'unsupported:createdAt',
        'unsupported:customFields.Nonexistent',
        'unsupported:silent',
        'unsupported:tags',
        'unsupported:team',
      ].sort(),
    )
    expect(record.assignee).toEqual({ id: String(technician.id) })
    expect(record.customFields['Customer Impact']).toBe('High')
    expect(record.description.text).toBe('Drops every 10 minutes.')
    expect(record.status).toMatchObject({ category: 'new', name: 'New' })
    expect((record.raw as { assignedResourceRoleID?: number }).assignedResourceRoleID).toBe(29683355)
  })

  it('stores the text core’s htmlToText derives from an HTML-only description: entities, list and link kept', async () => {
    const html =
      '<p>It&rsquo;s the caf&eacute; &mdash; &euro;5 &copy;</p><ul><li>Restart</li><li>Log in</li></ul><p>See <a href="https://example.com/kb/42">the article</a></p>'
    const adapter = createAutotaskAdapter(settings())
    const { record } = await adapter.tickets.create({ subject: 'Café', description: { text: '', html } })
    const text = 'It’s the café — €5 ©\n- Restart\n- Log in\nSee the article (https://example.com/kb/42)'
    expect(record.description.text).toBe(text)
    expect((await adapter.tickets.get(record.id)).description.text).toBe(text)
  })

  it('refuses unknown picklist values before sending', async () => {
    const adapter = createAutotaskAdapter(settings())
    await expect(adapter.tickets.create({ subject: 'x', description: { text: 'x' }, status: { name: 'Nope' } })).rejects.toSatisfy(
      (error) => ValidationError.isInstance(error) && error.status === 0 && error.issues[0]?.field === 'status',
    )
    await expect(adapter.tickets.create({ subject: 'x', description: { text: 'x' }, status: { id: '16' } })).rejects.toSatisfy(
      (error) => ValidationError.isInstance(error) && error.issues[0]!.message.includes('inactive'),
    )
  })

  it('keeps the external id in a UDF when told to, and finds it with one query', async () => {
    const adapter = createAutotaskAdapter(settings({ externalId: { udf: 'External Reference' } }))
    expect(adapter.capabilities.externalId).toEqual({ storage: 'custom-field', field: 'External Reference' })
    const { record } = await adapter.tickets.create({ subject: 'From Halo', description: { text: 'x' }, externalId: 'HALO-4813' })
    expect(record.externalId).toBe('HALO-4813')
    expect((await adapter.tickets.findByExternalId('HALO-4813'))?.id).toBe(record.id)
    expect(await adapter.tickets.findByExternalId('HALO-0000')).toBeUndefined()
  })

  it('refuses to overwrite a change made since the caller read the ticket', async () => {
    const adapter = createAutotaskAdapter(settings())
    const ticket = await newTicket(adapter)
    const { record } = await adapter.tickets.update(ticket.id, {
      subject: 'Fresh',
      vendorOptions: { autotask: { ifUnmodifiedSince: ticket.updatedAt } },
    })
    expect(record.subject).toBe('Fresh')
    await expect(
      adapter.tickets.update(ticket.id, {
        subject: 'Stale',
        vendorOptions: { autotask: { ifUnmodifiedSince: ticket.createdAt.replace(/\d{4}-/, '2000-') } },
      }),
    ).rejects.toSatisfy((error) => ConflictError.isInstance(error))
    expect((await adapter.tickets.get(ticket.id)).subject).toBe('Fresh')
  })

  it('answers an empty listing without a request when no status is in the asked categories', async () => {
    const adapter = createAutotaskAdapter(settings())
    await adapter.lookups.statuses()
    const before = simulator.thresholdInformation().currentTimeframeRequestCount
    expect(await adapter.tickets.list({ statusCategories: ['resolved'] }).toArray({ limit: 10 })).toEqual([])
    expect(simulator.thresholdInformation().currentTimeframeRequestCount).toBe(before)
  })
})

describe('comments and attachments', () => {
  it('attaches files to a note, lists them with the note, and downloads them', async () => {
    const adapter = createAutotaskAdapter(settings())
    const ticket = await newTicket(adapter)
    const { record: note } = await adapter.comments.create(ticket.id, { body: { text: 'Log attached.' }, visibility: 'internal' })
    const data = new TextEncoder().encode('2025-01-31 10:00 tunnel down\n')
    const { record } = await adapter.attachments.upload(ticket.id, { filename: 'vpn.log', contentType: 'text/plain', data, commentId: note.id })
    expect(record).toMatchObject({ ticketId: ticket.id, commentId: note.id, filename: 'vpn.log', size: data.byteLength })
    const listed = await adapter.attachments.list(ticket.id).toArray({ limit: 10 })
    expect(listed.map((attachment) => [attachment.id, attachment.commentId])).toEqual([[record.id, note.id]])
    expect(Buffer.from(await adapter.attachments.download({ id: record.id, ticketId: ticket.id })).toString()).toBe('2025-01-31 10:00 tunnel down\n')
  })

  it('writes a comment as its author when impersonation is on, and warns when it cannot', async () => {
    const adapter = createAutotaskAdapter(settings({ impersonateAuthors: true }))
    expect(adapter.capabilities.comments.setAuthor).toBe(true)
    const ticket = await newTicket(adapter)
    const { record, warnings } = await adapter.comments.create(ticket.id, {
      body: { text: 'On site.' },
      visibility: 'public',
      author: { email: technician.email },
    })
    expect(warnings).toEqual([])
    expect(record.author).toEqual({ id: String(technician.id) })
    const plain = createAutotaskAdapter(settings())
    const { warnings: refused } = await plain.comments.create(ticket.id, {
      body: { text: 'x' },
      visibility: 'public',
      author: { id: String(technician.id) },
    })
    expect(refused.map((warning) => warning.field)).toEqual(['author'])
  })
})

describe('people and organizations', () => {
  it('finds technicians as agents and refuses to create them', async () => {
    const adapter = createAutotaskAdapter(settings())
    expect(await adapter.people.get(String(technician.id))).toMatchObject({ kind: 'agent', name: 'Priya Raman', email: technician.email })
    expect((await adapter.people.findByEmail(technician.email.toUpperCase()))?.id).toBe(String(technician.id))
    const agents = await adapter.people.list({ kind: 'agent' }).toArray({ limit: 100 })
    expect(agents.every((person) => person.kind === 'agent')).toBe(true)
    await expect(adapter.people.create({ kind: 'agent', name: 'New Tech' })).rejects.toSatisfy((error) => UnsupportedOperationError.isInstance(error))
  })

  it('creates a company with the owner and type Autotask requires', async () => {
    const adapter = createAutotaskAdapter(settings({ organizationDefaults: { phone: '555-0100' } }))
    const { record } = await adapter.organizations.create({ name: 'Globex Corporation' })
    expect(record.raw).toMatchObject({ companyName: 'Globex Corporation', companyType: 1, ownerResourceID: 29682999, phone: '555-0100' })
    expect((await adapter.organizations.findByName('globex corporation'))?.id).toBe(record.id)
  })
})

describe('reads asked for together', () => {
  it('lists the notes of several tickets, and reads back notes written together, with one query each', async () => {
    const adapter = createAutotaskAdapter(settings())
    const tickets = await Promise.all(['A', 'B', 'C', 'D'].map((subject) => newTicket(adapter, `Together ${subject}`)))
    // Let the request log catch up (it records asynchronously), then count from here.
    await new Promise((resolve) => setTimeout(resolve, 20))
    const from = server.requests.length
    const written = await Promise.all(
      tickets.map((ticket, index) => adapter.comments.create(ticket.id, { body: { text: `Note ${index}` }, visibility: 'internal' })),
    )
    const listed = await Promise.all(tickets.map((ticket) => adapter.comments.list(ticket.id).toArray({ limit: 10 })))
    await new Promise((resolve) => setTimeout(resolve, 20))
    const sent = server.requests.slice(from).map((request) => `${request.method} ${new URL(request.url).pathname.replace(/^.*\/V1\.0/, '')}`)
    expect(sent.filter((line) => line === 'POST /TicketNotes/query')).toHaveLength(2)
    expect(sent.filter((line) => /^POST \/Tickets\/\d+\/Notes$/.test(line))).toHaveLength(4)
    // No note is read back one by one (the entity's field metadata, read once for its picklists, is no record).
    expect(sent.filter((line) => /^GET \/TicketNotes\/\d+/.test(line))).toEqual([])
    for (const [index, ticket] of tickets.entries()) {
      expect(written[index]!.record).toMatchObject({ ticketId: ticket.id, body: { text: `Note ${index}` } })
      expect(listed[index]!.map((comment) => comment.body.text)).toEqual([`Note ${index}`])
    }
  })

  it('reads the notes, files and time of many tickets with one query per kind', async () => {
    const adapter = createAutotaskAdapter(settings())
    const tickets = await Promise.all(['A', 'B', 'C'].map((subject) => newTicket(adapter, `Many ${subject}`)))
    for (const [index, ticket] of tickets.entries())
      await adapter.comments.create(ticket.id, { body: { text: `Note ${index}` }, visibility: 'internal' })
    await new Promise((resolve) => setTimeout(resolve, 20))
    const from = server.requests.length
    const ids = tickets.map((ticket) => ticket.id)
    const [notes, files, entries] = await Promise.all([
      adapter.comments.listForTickets!(ids),
      adapter.attachments.listForTickets!(ids),
      adapter.timeEntries.listForTickets!(ids),
    ])
    await new Promise((resolve) => setTimeout(resolve, 20))
    const sent = server.requests.slice(from).map((request) => `${request.method} ${new URL(request.url).pathname.replace(/^.*\/V1\.0/, '')}`)
    expect(sent.sort()).toEqual([
      'POST /TicketAttachments/query',
      'POST /TicketNoteAttachments/query',
      'POST /TicketNotes/query',
      'POST /TimeEntries/query',
    ])
    expect(ids.map((id) => notes.get(id)!.map((comment) => comment.body.text))).toEqual([['Note 0'], ['Note 1'], ['Note 2']])
    expect(ids.map((id) => [files.get(id), entries.get(id)])).toEqual(ids.map(() => [[], []]))
  })

  it('creates a batch of tickets and notes with one POST each, answering the ids without reading anything back', async () => {
    const adapter = createAutotaskAdapter(settings())
    // Warm the metadata a run reads once (ticket and note picklists).
    await adapter.comments.create((await newTicket(adapter, 'Warm the metadata')).id, { body: { text: 'warm' }, visibility: 'internal' })
    await new Promise((resolve) => setTimeout(resolve, 20))
    const from = server.requests.length
    const tickets = await adapter.tickets.createMany!(['A', 'B', 'C'].map((name) => ({ subject: `Batch ${name}`, description: { text: name } })))
    const ids = tickets.map((item) => (item.ok ? item.id : 'failed'))
    const notes = await adapter.comments.createMany!(
      ['one', 'two'].map((text) => ({ ticketId: ids[0]!, input: { body: { text }, visibility: 'internal' as const } })),
    )
    await new Promise((resolve) => setTimeout(resolve, 20))
    const sent = server.requests.slice(from).map((request) => `${request.method} ${new URL(request.url).pathname.replace(/^.*\/V1\.0/, '')}`)
    expect(sent.filter((line) => line !== 'POST /Tickets').filter((line) => line !== `POST /Tickets/${ids[0]}/Notes`)).toEqual([])
    expect(sent).toHaveLength(5)
    for (const [index, id] of ids.entries()) expect((await adapter.tickets.get(id)).subject).toBe(`Batch ${'ABC'[index]}`)
    const listed = await adapter.comments.list(ids[0]!).toArray({ limit: 10 })
    expect(listed.map((comment) => comment.id)).toEqual(notes.map((item) => (item.ok ? item.id : 'failed')))
  })
})

describe('the driver', () => {
  it('keeps to the configured hourly budget, naming the documented limit', () => {
    const source = 'Autotask: 10,000 requests per hour per database (autotask.md)'
    expect(createAutotaskAdapter(settings()).rateLimit).toEqual({ requests: 10_000, windowMs: 3_600_000, source })
    expect(createAutotaskAdapter(settings({ hourlyRequestLimit: 600, hourlyWindowMs: 60_000 })).rateLimit).toEqual({
      requests: 600,
      windowMs: 60_000,
      source,
    })
  })

  it('refuses what the REST API has no route for, saying what to do instead', async () => {
    const adapter = createAutotaskAdapter(settings())
    await expect(adapter.tickets.delete('1')).rejects.toSatisfy(
      (error) => UnsupportedOperationError.isInstance(error) && /complete or cancel/.test(error.message),
    )
    await expect(adapter.relations.list('1')).rejects.toSatisfy((error) => UnsupportedOperationError.isInstance(error))
  })

  it('pages people as contacts, then resources, each once', async () => {
    const adapter = createAutotaskAdapter(settings())
    const pages: string[][] = []
    for await (const page of adapter.people.list({ pageSize: 2 }).pages()) pages.push(page.items.map((person) => `${person.kind}:${person.id}`))
    const people = pages.flat()
    expect(pages.every((page) => page.length <= 2)).toBe(true)
    expect(new Set(people).size).toBe(people.length)
    const firstAgent = people.findIndex((person) => person.startsWith('agent:'))
    expect(firstAgent).toBeGreaterThan(0)
    expect(people.slice(firstAgent).every((person) => person.startsWith('agent:'))).toBe(true)
    expect(people).toHaveLength((await adapter.people.list().toArray({ limit: 1000 })).length)
  })
})
