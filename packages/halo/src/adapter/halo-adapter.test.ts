import { ConfigurationError, NotFoundError, UnsupportedOperationError, ValidationError } from '@ticketbridge/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHaloSimulator, type HaloServedSimulator, type HaloSimulator } from '../simulator/index'
import { createHaloAdapter, type HaloAdapter } from './halo-adapter'
import type { HaloAdapterSettings } from './halo-adapter-settings'

let simulator: HaloSimulator
let server: HaloServedSimulator
let settings: HaloAdapterSettings
let adapter: HaloAdapter

beforeAll(async () => {
  simulator = createHaloSimulator({ rateLimit: false })
  server = await simulator.serve()
  const { credentials } = simulator
  settings = {
    resourceUrl: server.resourceUrl,
    authUrl: server.authUrl,
    ...(credentials.tenant !== undefined ? { tenant: credentials.tenant } : {}),
    clientId: credentials.clientId,
    clientSecret: credentials.clientSecret,
    rateLimit: { requests: 100_000, key: 'halo:adapter-tests' },
    retry: { maxRetries: 2, baseDelayMs: 5, maxDelayMs: 20 },
  }
  adapter = createHaloAdapter(settings)
})

afterAll(async () => {
  await adapter.close()
  await server.close()
})

/** The URLs of GET requests to a path, sent since `from`. */
function requestsTo(path: string, from = 0): URL[] {
  return server.requests
    .slice(from)
    .filter((request) => request.method === 'GET')
    .map((request) => new URL(request.url))
    .filter((url) => url.pathname === `/api${path}`)
}

describe('Halo adapter on the simulator', () => {
  it('records time worked on a comment written with timeWorkedMinutes: one action, both a comment and a time entry', async () => {
    const { record: ticket } = await adapter.tickets.create({ subject: 'Time on a comment', description: { text: 'VPN drops hourly.' } })
    const { record: comment } = await adapter.comments.create(ticket.id, {
      body: { text: 'Updated the VPN client.' },
      visibility: 'public',
      timeWorkedMinutes: 45,
    })
    const entries = await adapter.timeEntries.list(ticket.id).toArray({ limit: 10 })
    expect(entries.map(({ minutes, commentId }) => ({ minutes, commentId }))).toEqual([{ minutes: 45, commentId: comment.id }])
    const comments = await adapter.comments.list(ticket.id).toArray({ limit: 10 })
    expect(comments.filter((listed) => listed.body.text.includes('Updated the VPN client.')).map((listed) => listed.id)).toEqual([comment.id])
  })

  it('sends tickets and comments created together as one array POST each, every caller getting its own record', async () => {
    const from = server.requests.length
    const created = await Promise.all(
      Array.from({ length: 5 }, (_, index) =>
        adapter.tickets.create({ subject: `Together ${index}`, description: { text: `Batch member ${index}` } }, { silent: true }),
      ),
    )
    const comments = await Promise.all(
      created.map(({ record }, index) =>
        adapter.comments.create(record.id, { body: { text: `Reply to member ${index}` }, visibility: 'public' }, { silent: true }),
      ),
    )
    const posts = server.requests.slice(from).filter((request) => request.method === 'POST')
    const bodies = (path: string) =>
      posts.filter((request) => new URL(request.url).pathname === `/api${path}`).map((request) => JSON.parse(request.body) as unknown[])
    expect(bodies('/Tickets').map((body) => body.length)).toEqual([5])
    expect(bodies('/Actions').map((body) => body.length)).toEqual([5])
    created.forEach(({ record }, index) => expect(record.subject).toBe(`Together ${index}`))
    for (const [index, { record }] of comments.entries()) {
      expect(record.ticketId).toBe(created[index]!.record.id)
      const listed = await adapter.comments.list(created[index]!.record.id).toArray({ limit: 10 })
      expect(listed.map((comment) => comment.body.text)).toContain(`Reply to member ${index}`)
    }
  })

  it('creates a batch of tickets as one array POST and answers their ids without reading them back', async () => {
    const from = server.requests.length
    const items = await adapter.tickets.createMany!(
      Array.from({ length: 7 }, (_, index) => ({ subject: `Batch ${index}`, description: { text: `Row ${index}` } })),
      { silent: true },
    )
    const sent = server.requests.slice(from)
    expect(sent.map((request) => `${request.method} ${new URL(request.url).pathname}`)).toEqual(['POST /api/Tickets'])
    expect((JSON.parse(sent[0]!.body) as unknown[]).length).toBe(7)
    const ids = items.map((item) => (item.ok ? item.id : 'failed'))
    expect(new Set(ids).size).toBe(7)
    for (const [index, id] of ids.entries()) expect((await adapter.tickets.get(id)).subject).toBe(`Batch ${index}`)
  })

  it('splits an array of comments Halo refuses and sends each alone: the bad one fails, the others land in order', async () => {
    const { record: ticket } = await adapter.tickets.create({ subject: 'Refused batch', description: { text: 'One bad action' } })
    const from = server.requests.length
    const items = await adapter.comments.createMany!(
      ['first', 'bad', 'third'].map((text) => ({
        ticketId: ticket.id,
        input: { body: { text }, visibility: 'internal' as const, ...(text === 'bad' ? { vendorOptions: { halo: { outcome_id: 'none' } } } : {}) },
      })),
    )
    expect(items.map((item) => item.ok)).toEqual([true, false, true])
    expect(items[1]!.ok === false && ValidationError.isInstance(items[1]!.error)).toBe(true)
    const posts = server.requests.slice(from).filter((request) => request.method === 'POST')
    expect(posts.map((request) => (JSON.parse(request.body) as unknown[]).length)).toEqual([3, 1, 1, 1])
    const listed = await adapter.comments.list(ticket.id).toArray({ limit: 10 })
    expect(listed.map((comment) => comment.body.text)).toEqual(['first', 'third'])
  })

  it('sends comments with their files inside the action arrays, each array under maxRequestBytes', async () => {
    // 3 KB of files a comment, base64 about 4 KB: two comments fit a 12 KB body, a third does not.
    const bounded = createHaloAdapter({ ...settings, maxRequestBytes: 12_000 })
    try {
      const { record: ticket } = await bounded.tickets.create({ subject: 'Files inside actions', description: { text: 'x' } })
      const file = (index: number) => Uint8Array.from({ length: 3_000 }, (_, at) => (at * 31 + index) % 256)
      const from = server.requests.length
      const items = await bounded.comments.createMany!(
        [0, 1, 2, 3, 4].map((index) => ({
          ticketId: ticket.id,
          input: {
            body: { text: `comment ${index}` },
            visibility: 'internal' as const,
            attachments: [{ filename: `file-${index}.bin`, contentType: 'application/octet-stream', data: file(index) }],
          },
        })),
      )
      expect(items.map((item) => item.ok)).toEqual([true, true, true, true, true])
      const posts = server.requests.slice(from).filter((request) => request.method === 'POST')
      // Only action arrays: no POST /Attachment, none over the bound.
      expect(posts.map((request) => new URL(request.url).pathname)).toEqual(['/api/Actions', '/api/Actions', '/api/Actions'])
      expect(posts.map((request) => (JSON.parse(request.body) as unknown[]).length)).toEqual([2, 2, 1])
      for (const request of posts) expect(request.body.length).toBeLessThanOrEqual(12_000)
      const files = await bounded.attachments.list(ticket.id).toArray({ limit: 10 })
      const commentIds = items.map((item) => (item.ok ? item.id : ''))
      expect(files.map((listed) => [listed.filename, listed.commentId])).toEqual(commentIds.map((id, index) => [`file-${index}.bin`, id]))
      const third = files.find((listed) => listed.filename === 'file-2.bin')!
      expect(Buffer.from(await bounded.attachments.download(third)).equals(Buffer.from(file(2)))).toBe(true)
    } finally {
      await bounded.close()
    }
  })

  it('finds many external ids sharing a start with one listing, and searches one by one where that listing costs more', async () => {
    const tag = `prefix-${Date.now().toString(36)}`
    await adapter.tickets.createMany!(
      [1, 2, 3, 4].map((index) => ({ subject: `Stamped ${index}`, description: { text: 'x' }, externalId: `${tag}:${index}` })),
    )
    const searches = (from: number) => requestsTo('/Tickets', from).filter((url) => url.searchParams.has('search'))
    let from = server.requests.length
    const found = await adapter.tickets.findAllByExternalIds!([`${tag}:1`, `${tag}:3`, `${tag}:9`])
    expect([`${tag}:1`, `${tag}:3`, `${tag}:9`].map((value) => found.get(value)!.map((ticket) => ticket.subject))).toEqual([
      ['Stamped 1'],
      ['Stamped 3'],
      [],
    ])
    expect(searches(from).map((url) => url.searchParams.get('search'))).toEqual([`ticketbridge external id: ${tag}:`])
    // Values without a shared start: one search each.
    from = server.requests.length
    const apart = await adapter.tickets.findAllByExternalIds!([`${tag}:2`, `other-${tag}:4`, `x${tag}`])
    expect(apart.get(`${tag}:2`)!.map((ticket) => ticket.subject)).toEqual(['Stamped 2'])
    expect(searches(from)).toHaveLength(3)
  })

  it('lists the files of many tickets by asking first which have any', async () => {
    const tickets = await adapter.tickets.createMany!([1, 2, 3].map((index) => ({ subject: `Files ${index}`, description: { text: 'x' } })))
    const ids = tickets.map((item) => (item.ok ? item.id : 'failed'))
    await adapter.attachments.upload(ids[1]!, { filename: 'log.txt', contentType: 'text/plain', data: new TextEncoder().encode('log') })
    const from = server.requests.length
    const files = await adapter.attachments.listForTickets!(ids)
    expect(ids.map((id) => files.get(id)!.map((file) => file.filename))).toEqual([[], ['log.txt'], []])
    const lists = requestsTo('/Attachment', from)
    expect(lists.map((url) => url.searchParams.get('ticket_id'))).toEqual([ids[1]])
    expect(requestsTo('/Tickets', from).map((url) => url.searchParams.get('withattachments'))).toEqual(['true'])
  })

  it('maps the instance’s statuses to categories and priorities to levels, without fixed ids', async () => {
    const statuses = Object.fromEntries((await adapter.lookups.statuses()).map((status) => [status.name, status.category]))
    expect(statuses).toMatchObject({
      New: 'new',
      'In Progress': 'open',
      'Waiting on User': 'pending',
      Updated: 'open',
      Resolved: 'resolved',
      Closed: 'closed',
      Cancelled: 'closed',
    })
    const priorities = Object.fromEntries((await adapter.lookups.priorities()).map((priority) => [priority.name, priority.level]))
    expect(priorities).toEqual({ Critical: 'urgent', High: 'high', Medium: 'normal', Low: 'low' })
    expect((await adapter.lookups.queues()).map((queue) => queue.name)).toContain('Service Desk')
    const severity = (await adapter.lookups.customFields()).find((field) => field.key === 'CFSeverity')
    expect(severity).toEqual({ key: 'CFSeverity', label: 'Severity', type: 'select', options: ['Minor', 'Moderate', 'Major'], required: false })
  })

  it('resolves people, teams and organizations by name and email, and keeps Halo’s ids', async () => {
    const { record } = await adapter.tickets.create({
      subject: 'Selectors',
      description: { text: 'Who and where.' },
      queue: { name: 'infrastructure' },
      requester: { email: 'JANE.DOE@contoso.example.com' },
      assignee: { name: 'Sam Agent' },
      priority: { level: 'urgent' },
      status: { category: 'pending' },
      dueAt: '2030-01-02T03:04:05.000Z',
    })
    expect(record.queue).toEqual({ id: '2', name: 'Infrastructure' })
    expect(record.requester).toMatchObject({ id: '1', name: 'Jane Doe' })
    expect(record.assignee).toMatchObject({ id: 'agent:2', name: 'Sam Agent' })
    expect(record.organization).toMatchObject({ id: '1', name: 'Contoso Ltd' })
    expect(record.priority).toEqual({ level: 'urgent', id: '1', name: 'Critical' })
    expect(record.status.category).toBe('pending')
    expect(record.dueAt).toBe('2030-01-02T03:04:05.000Z')
    // An unset SLA date (1900-01-01) is absent, not a date in 1900.
    expect(record.resolvedAt).toBeUndefined()

    const byQueue = await adapter.tickets.list({ queueId: '2', organizationId: '1', statusCategories: ['pending'] }).toArray({ limit: 100 })
    expect(byQueue.map((ticket) => ticket.id)).toContain(record.id)
    const [listed] = requestsTo('/Tickets').slice(-1)
    expect(listed!.searchParams.get('team')).toBe('2')
    expect(listed!.searchParams.get('client_id')).toBe('1')
    expect(listed!.searchParams.get('status')).toBe('4,5')
    expect(listed!.searchParams.get('pageinate')).toBe('true')
  })

  it('lists 717 tickets as 717 in pages of at most 100', async () => {
    await simulator.seedTickets(717, 'Paging717')
    const sizes: number[] = []
    const ids = new Set<string>()
    for await (const page of adapter.tickets.list({ text: 'Paging717', pageSize: 1000 }).pages()) {
      sizes.push(page.items.length)
      for (const ticket of page.items) ids.add(ticket.id)
    }
    expect(ids.size).toBe(717)
    expect(sizes).toEqual([100, 100, 100, 100, 100, 100, 100, 17])
  })

  it('runs createdSince on the server and updatedSince over what it returned', async () => {
    const before = server.requests.length
    const since = new Date(Date.now() - 60_000).toISOString()
    const { record } = await adapter.tickets.create({ subject: 'Since filters', description: { text: 'x' } })
    const listed = await adapter.tickets.list({ createdSince: since, updatedSince: since, text: 'Since filters' }).toArray({ limit: 10 })
    expect(listed.map((ticket) => ticket.id)).toEqual([record.id])
    const [url] = requestsTo('/Tickets', before)
    expect(url!.searchParams.get('datesearch')).toBe('dateoccured')
    expect(url!.searchParams.get('startdate')).toBe(since.replace(/Z$/, ''))
    expect(await adapter.tickets.list({ updatedSince: '2100-01-01T00:00:00.000Z', text: 'Since filters' }).toArray({ limit: 10 })).toEqual([])
  })

  it('writes select custom fields by label and warns about fields the instance lacks', async () => {
    const { record, warnings } = await adapter.tickets.create({
      subject: 'Custom fields',
      description: { text: 'x' },
      customFields: { CFSeverity: 'Major', CFAssetTag: 'LT-0042', CFNoSuchField: 'x' },
    })
    expect(warnings).toEqual([
      { type: 'unsupported', field: 'customFields.CFNoSuchField', message: expect.stringContaining('no ticket custom field') },
    ])
    expect((await adapter.tickets.get(record.id)).customFields).toMatchObject({ CFSeverity: 'Major', CFAssetTag: 'LT-0042' })
    const error = await adapter.tickets
      .create({ subject: 'Bad choice', description: { text: 'x' }, customFields: { CFSeverity: 'Catastrophic' } })
      .catch((caught: unknown) => caught)
    expect(ValidationError.isInstance(error)).toBe(true)
    expect((error as ValidationError).issues[0]?.field).toBe('customFields.CFSeverity')
  })

  it('sends Halo’s silent-write flags and says what it cannot honour', async () => {
    const { record, warnings } = await adapter.tickets.create(
      { subject: 'Silent import', description: { text: 'x' }, createdAt: '2020-01-01T00:00:00.000Z' },
      { silent: true },
    )
    expect(warnings.map((warning) => warning.field)).toEqual(['createdAt'])
    const ticketWrite = simulator.state.writes.filter((write) => write.resource === 'Tickets').at(-1)
    expect(ticketWrite?.flags).toMatchObject({ dont_do_rules: true, _dont_fire_automations: true, sendack: false })
    const comment = await adapter.comments.create(
      record.id,
      {
        body: { text: 'Imported note' },
        visibility: 'internal',
        author: { email: 'jane.doe@contoso.example.com' },
        createdAt: '2020-01-01T00:00:00.000Z',
      },
      { silent: true },
    )
    expect(comment.warnings.map((warning) => warning.field)).toEqual(['author', 'createdAt'])
    expect(simulator.state.writes.at(-1)?.flags).toMatchObject({ dont_do_rules: true })
    expect(comment.record.visibility).toBe('internal')
  })

  it('keeps the external-id marker out of the description and through description edits', async () => {
    const { record } = await adapter.tickets.create({ subject: 'Marker', description: { text: 'Original body.' }, externalId: 'RT-77' })
    expect(record.description.text).toBe('Original body.')
    expect(record.externalId).toBe('RT-77')
    await adapter.tickets.update(record.id, { description: { text: 'Edited body.', html: '<p>Edited body.</p>' } })
    const edited = await adapter.tickets.get(record.id)
    expect(edited.description).toEqual({ text: 'Edited body.', html: '<p>Edited body.</p>' })
    expect((await adapter.tickets.findByExternalId('RT-77'))?.id).toBe(record.id)
  })

  it('can keep the external id in a custom field and find it with advanced_search', async () => {
    const custom = createHaloAdapter({ ...settings, externalId: { storage: 'custom-field', field: 'CFExternalReference' } })
    try {
      expect(custom.capabilities.externalId).toEqual({ storage: 'custom-field', field: 'CFExternalReference' })
      const { record } = await custom.tickets.create({ subject: 'Custom-field external id', description: { text: 'x' }, externalId: 'AT-9001' })
      const before = server.requests.length
      expect((await custom.tickets.findByExternalId('AT-9001'))?.id).toBe(record.id)
      expect(requestsTo('/Tickets', before)[0]!.searchParams.get('advanced_search')).toBe(
        '[{"filter_name":"CFExternalReference","filter_type":2,"filter_value":"AT-9001"}]',
      )
      expect(await custom.tickets.findByExternalId('AT-9002')).toBeUndefined()
    } finally {
      await custom.close()
    }
  })

  it('reads before updating, so an unknown id is NotFoundError and never a new ticket', async () => {
    const count = simulator.state.tickets.all().length
    const error = await adapter.tickets.update('999999', { subject: 'nope' }).catch((caught: unknown) => caught)
    expect(NotFoundError.isInstance(error)).toBe(true)
    expect(simulator.state.tickets.all().length).toBe(count)
  })

  it('keeps agents and end users apart, and refuses what Halo cannot do', async () => {
    const agents = await adapter.people.list({ kind: 'agent' }).toArray({ limit: 100 })
    expect(agents.every((person) => person.kind === 'agent' && person.id.startsWith('agent:'))).toBe(true)
    expect((await adapter.people.get('agent:2')).name).toBe('Sam Agent')
    expect((await adapter.people.get('1')).kind).toBe('contact')
    expect((await adapter.people.findByEmail('sam.agent@helpdesk.example.com'))?.id).toBe('agent:2')
    const agentCreate = await adapter.people.create({ kind: 'agent', name: 'New Agent' }).catch((caught: unknown) => caught)
    expect(UnsupportedOperationError.isInstance(agentCreate)).toBe(true)
    const noSite = await adapter.people.create({ kind: 'contact', name: 'Nowhere' }).catch((caught: unknown) => caught)
    expect(ValidationError.isInstance(noSite) && noSite.issues[0]?.field).toBe('organization')
    const { record } = await adapter.people.create({
      kind: 'contact',
      name: 'Casey Fabrikam',
      email: 'casey@fabrikam.example.com',
      organization: { name: 'Fabrikam Inc' },
    })
    expect(record.organization).toMatchObject({ id: '2' })
    const relations = await adapter.relations.list('1').catch((caught: unknown) => caught)
    expect(UnsupportedOperationError.isInstance(relations) && relations.message).toContain('use client.tickets (parent_id) directly')
    expect(UnsupportedOperationError.isInstance(agentCreate) && agentCreate.operation).toBe('people.create (kind: agent)')
  })

  it('reads a small directory once for many addresses, creates people side by side in one POST on one site per client, and reads no new requester back', async () => {
    const fresh = createHaloAdapter(settings)
    try {
      const { record: organization } = await fresh.organizations.create({ name: 'Side by side Ltd' })
      let from = server.requests.length
      for (const email of ['nobody-1@example.com', 'nobody-2@example.com', 'sam.agent@helpdesk.example.com']) await fresh.people.findByEmail(email)
      // The simulator's directory fits one page: one listing of users and one of agents for every address.
      expect(requestsTo('/Agent', from)).toHaveLength(1)
      expect(requestsTo('/Users', from)).toHaveLength(1)
      from = server.requests.length
      const people = await Promise.all(
        [1, 2, 3].map((index) =>
          fresh.people.create({
            kind: 'contact',
            name: `Person ${index}`,
            email: `person-${index}@side.example.com`,
            organization: { id: organization.id },
          }),
        ),
      )
      // One read of the client's sites, one main site created for all three, and the three in one POST.
      expect(requestsTo('/Site', from)).toHaveLength(1)
      expect(
        server.requests.slice(from).filter((request) => request.method === 'POST' && new URL(request.url).pathname === '/api/Users'),
      ).toHaveLength(1)
      expect(
        server.requests.slice(from).filter((request) => request.method === 'POST' && new URL(request.url).pathname === '/api/Site'),
      ).toHaveLength(1)
      // Created users are found without reading the directory again.
      from = server.requests.length
      expect((await fresh.people.findByEmail('person-2@side.example.com'))?.id).toBe(people[1]!.record.id)
      expect(requestsTo('/Users', from)).toHaveLength(0)
      from = server.requests.length
      await fresh.tickets.create({ subject: 'Asked by a new person', description: { text: 'x' }, requester: { id: people[0]!.record.id } })
      expect(requestsTo(`/Users/${people[0]!.record.id}`, from)).toHaveLength(0)
    } finally {
      await fresh.close()
    }
  })

  it('records time as hours on a private action and reads it back in minutes', async () => {
    const { record: ticket } = await adapter.tickets.create({ subject: 'Time', description: { text: 'x' } })
    const { record } = await adapter.timeEntries.create(ticket.id, {
      minutes: 10,
      note: 'Quick fix',
      startedAt: '2024-05-02T08:00:00.000Z',
      billable: false,
    })
    expect(record).toMatchObject({ minutes: 10, startedAt: '2024-05-02T08:00:00.000Z' })
    // List rows are abbreviated: the start time is only on the action itself.
    const [listed] = await adapter.timeEntries.list(ticket.id).toArray({ limit: 10 })
    expect(listed).toMatchObject({ id: record.id, minutes: 10, note: 'Quick fix' })
    const action = (simulator.state.actions.get(Number(ticket.id)) ?? []).find((entry) => entry.id === Number(record.id))
    expect(action).toMatchObject({ hiddenfromuser: true, outcome: 'Log Time' })
  })

  it('names the comment a time entry was recorded on, by the id comments.list gives it', async () => {
    const { record: ticket } = await adapter.tickets.create({ subject: 'Time on comments', description: { text: 'x' } })
    const outcomeNamed = (name: string) => Number(simulator.state.outcomes.all().find((outcome) => outcome.outcome === name)!.id)
    const systemOutcome = simulator.state.outcomes.all().find((outcome) => typeof outcome.systemid === 'number' && outcome.systemid > 0)!
    // A public note with time, a plain note, time through the adapter, and time on a system action.
    const timedNote = await adapter.client.actions.createNote(Number(ticket.id), {
      note: 'Replaced the toner',
      hiddenfromuser: false,
      outcome_id: outcomeNamed('Note'),
      timetaken: 0.5,
    })
    await adapter.comments.create(ticket.id, { body: { text: 'No time on this one' }, visibility: 'internal' })
    const { record: logged } = await adapter.timeEntries.create(ticket.id, { minutes: 15, note: 'Checked the spooler' })
    const systemAction = await adapter.client.actions.create({
      ticket_id: Number(ticket.id),
      outcome_id: Number(systemOutcome.id),
      note: 'Logged by phone',
      timetaken: 0.25,
    })

    const comments = await adapter.comments.list(ticket.id).toArray({ limit: 100 })
    const entries = await adapter.timeEntries.list(ticket.id).toArray({ limit: 100 })
    const commentIds = new Set(comments.map((comment) => comment.id))
    const byId = new Map(entries.map((entry) => [entry.id, entry]))
    expect(byId.get(String(timedNote.id))).toMatchObject({ commentId: String(timedNote.id), minutes: 30, note: 'Replaced the toner' })
    expect(byId.get(logged.id)).toMatchObject({ commentId: logged.id, minutes: 15, note: 'Checked the spooler' })
    expect(logged.commentId).toBe(logged.id)
    for (const entry of entries.filter((candidate) => candidate.commentId !== undefined)) {
      expect(commentIds.has(entry.commentId!)).toBe(true)
      expect(comments.find((comment) => comment.id === entry.commentId)?.body.text).toBe(entry.note)
    }
    // Comments leave system actions out (`excludesys`): time on one is a time entry only.
    expect(byId.get(String(systemAction.id))).toMatchObject({ minutes: 15, note: 'Logged by phone' })
    expect(byId.get(String(systemAction.id))?.commentId).toBeUndefined()
    expect(commentIds.has(String(systemAction.id))).toBe(false)
    expect(entries).toHaveLength(3)
  })

  it('reads a requester once while lookupCacheMs lasts, concurrent creates sharing the read', async () => {
    const userId = Number(simulator.state.users.all()[0]!.id)
    const userReads = (from: number) => requestsTo(`/Users/${userId}`, from).length
    const from = server.requests.length
    const together = await Promise.all(
      Array.from({ length: 4 }, (_, index) =>
        adapter.tickets.create(
          { subject: `Same requester ${index}`, description: { text: 'x' }, requester: { id: String(userId) } },
          { silent: true },
        ),
      ),
    )
    const after = await adapter.tickets.create(
      { subject: 'Same requester later', description: { text: 'x' }, requester: { id: String(userId) } },
      { silent: true },
    )
    expect(userReads(from)).toBe(1)
    for (const { record } of [...together, after]) expect(record.requester?.id).toBe(String(userId))
    // Every ticket still gets the requester's site and client, as when each read it.
    const stored = [...together, after].map(({ record }) => simulator.state.tickets.get(Number(record.id))!)
    const user = await adapter.client.users.get(userId)
    expect(user.client_id).toBeGreaterThan(0)
    for (const ticket of stored)
      expect({ site: ticket.site_id, client: ticket.client_id }).toEqual({ site: user.site_id_int ?? user.site_id, client: user.client_id })

    // With no cache, every create reads the requester again.
    const uncached = createHaloAdapter({ ...settings, lookupCacheMs: 0 })
    try {
      const start = server.requests.length
      for (const index of [1, 2])
        await uncached.tickets.create(
          { subject: `Uncached ${index}`, description: { text: 'x' }, requester: { id: String(userId) } },
          { silent: true },
        )
      expect(userReads(start)).toBe(2)
    } finally {
      await uncached.close()
    }
  })

  it('loads each lookup once for reads made together on a new adapter, public lookups included', async () => {
    const cold = createHaloAdapter(settings)
    try {
      const existing = [...simulator.state.tickets.all()].slice(0, 4).map((ticket) => String(ticket.id))
      const from = server.requests.length
      const [statuses] = await Promise.all([
        cold.lookups.statuses(),
        cold.lookups.priorities(),
        cold.lookups.queues(),
        ...existing.map((id) => cold.tickets.get(id)),
      ])
      expect(statuses.length).toBeGreaterThan(0)
      const gets = server.requests
        .slice(from)
        .filter((request) => request.method === 'GET')
        .map((request) => new URL(request.url))
      const count = (path: string, filter?: string) =>
        gets.filter(
          (url) =>
            url.pathname === `/api${path}` &&
            (filter === undefined ? ![...url.searchParams.keys()].some((key) => key.startsWith('exclude')) : url.searchParams.has(filter)),
        ).length
      // Statuses are one load of three reads: all, and the instance's own open and not-pending classes.
      expect([count('/Status'), count('/Status', 'excludeclosed'), count('/Status', 'excludepending'), count('/Priority'), count('/Team')]).toEqual([
        1, 1, 1, 1, 1,
      ])
    } finally {
      await cold.close()
    }
  })

  it('keeps to the budget its client was given, naming Halo’s documented limit, and none where the limiter is off', async () => {
    expect(adapter.rateLimit).toEqual({
      requests: 100_000,
      windowMs: 300_000,
      source: 'Halo hosted: about 300 requests per rolling 5 minutes (halo.md)',
    })
    const unlimited = createHaloAdapter({ ...settings, rateLimit: false })
    const byDefault = createHaloAdapter({ ...settings, rateLimit: {} })
    expect(unlimited.rateLimit).toBeUndefined()
    expect(byDefault.rateLimit).toMatchObject({ requests: 300, windowMs: 300_000 })
    await Promise.all([unlimited.close(), byDefault.close()])
  })

  it('sent only requests the Halo spec declares, in all of the above', () => {
    expect(simulator.specViolations).toEqual([])
  })

  it('refuses bad adapter settings at construction, naming the option', () => {
    const error = (() => {
      try {
        createHaloAdapter({ ...settings, externalId: { storage: 'custom-field', field: 'ExternalId' } })
      } catch (caught) {
        return caught
      }
    })()
    expect(ConfigurationError.isInstance(error) && error.option).toBe('externalId.field')
  })
})
