import { describe, expect, it } from 'vitest'
import { startHaloTestSession } from './halo-test-session'

type Ticket = Record<string, unknown> & { id: number }
interface TicketList {
  page_no?: number
  page_size?: number
  record_count: number
  tickets: Ticket[]
}

const haloDate = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?$/

describe('Halo simulator: ticket lists', () => {
  it('pages 717 tickets in pages of 100 when 500 are asked, reporting 717 throughout', async () => {
    const { simulator, json } = await startHaloTestSession()
    await simulator.seedTickets(717, 'PAGING')
    const seen: number[] = []
    for (let pageNo = 1; pageNo <= 8; pageNo += 1) {
      const page = await json<TicketList>(`/Tickets?pageinate=true&page_size=500&page_no=${pageNo}&search=PAGING`)
      expect(page.record_count).toBe(717)
      expect(page.page_size).toBe(100)
      expect(page.page_no).toBe(pageNo)
      expect(page.tickets).toHaveLength(pageNo < 8 ? 100 : 17)
      seen.push(...page.tickets.map((ticket) => ticket.id))
    }
    expect(new Set(seen).size).toBe(717)
    const beyond = await json<TicketList>('/Tickets?pageinate=true&page_size=100&page_no=9')
    expect(beyond.tickets).toEqual([])
    expect(beyond.record_count).toBe(717)
  })

  it('answers everything (or `count` rows) without pageinate, and wraps as { record_count, tickets }', async () => {
    const { simulator, json } = await startHaloTestSession()
    await simulator.seedTickets(120, 'ALL')
    const all = await json<TicketList>('/Tickets')
    expect(all.tickets).toHaveLength(120)
    expect(all).not.toHaveProperty('page_no')
    expect(all).toHaveProperty('include_children', false)
    const few = await json<TicketList>('/Tickets?count=7')
    expect(few.tickets).toHaveLength(7)
    expect(few.record_count).toBe(120)
  })

  it('filters by search, status, open/closed, team, client and type, and orders descending', async () => {
    const { json } = await startHaloTestSession({ seed: 60 })
    const all = await json<TicketList>('/Tickets')
    expect(all.record_count).toBe(60)
    const closed = await json<TicketList>('/Tickets?closed_only=true')
    const open = await json<TicketList>('/Tickets?open_only=true')
    expect(closed.record_count + open.record_count).toBe(60)
    expect(closed.record_count).toBeGreaterThan(0)
    for (const ticket of closed.tickets) expect(ticket.hasbeenclosed).toBe(true)
    const inProgress = await json<TicketList>('/Tickets?status_id=2')
    for (const ticket of inProgress.tickets) expect(ticket.status_id).toBe(2)
    const listed = await json<TicketList>('/Tickets?status=9,18')
    expect(listed.tickets.every((ticket) => ticket.status_id === 9 || ticket.status_id === 18)).toBe(true)
    const vpn = await json<TicketList>('/Tickets?search=vpn')
    expect(
      vpn.tickets.every((ticket) => String(ticket.summary).toLowerCase().includes('vpn') || String(ticket.details).toLowerCase().includes('vpn')),
    ).toBe(true)
    const infrastructure = await json<TicketList>('/Tickets?team=2')
    expect(infrastructure.tickets.every((ticket) => ticket.team === 'Infrastructure')).toBe(true)
    const byName = await json<TicketList>('/Tickets?team_name=Infrastructure')
    expect(byName.record_count).toBe(infrastructure.record_count)
    const contoso = await json<TicketList>('/Tickets?client_id=1')
    expect(contoso.tickets.every((ticket) => ticket.client_id === 1)).toBe(true)
    // The spec's GET /Tickets has no tickettype_id (halo.md's example uses it): the type filter is requesttype_id.
    const requests = await json<TicketList>('/Tickets?requesttype_id=2')
    expect(requests.record_count).toBeGreaterThan(0)
    expect(requests.tickets.every((ticket) => ticket.tickettype_id === 2)).toBe(true)
    expect((await json<TicketList>('/Tickets?requesttype=2,3')).tickets.every((ticket) => [2, 3].includes(ticket.tickettype_id as number))).toBe(true)
    const newest = await json<TicketList>('/Tickets?order=dateoccurred&orderdesc=true')
    const dates = newest.tickets.map((ticket) => String(ticket.dateoccurred))
    expect(dates).toEqual([...dates].sort().reverse())
    // A filter that must match nothing proves the filter is applied at all.
    expect((await json<TicketList>('/Tickets?client_id=999')).record_count).toBe(0)
  })

  it('orders by a date field as instants, newest first, then by id, newest first', async () => {
    let now = Date.UTC(2026, 2, 8, 6, 59, 59, 500)
    const { json } = await startHaloTestSession({ clock: { now: () => now } })
    const create = (summary: string) => json<Ticket>('/Tickets', { method: 'POST', json: [{ summary, details: 'x' }] })
    const first = await create('ordered first')
    now = Date.UTC(2026, 2, 8, 7, 0, 0)
    const second = await create('ordered second')
    const third = await create('ordered third')
    now = Date.UTC(2026, 2, 8, 7, 0, 0, 250)
    await json('/Tickets', { method: 'POST', json: [{ id: first.id, summary: 'ordered first, changed' }] })
    const listed = await json<TicketList>('/Tickets?search=ordered&order=last_update&orderdesc=true&order2=id&orderdesc2=true')
    expect(listed.tickets.map((ticket) => [ticket.id, ticket.last_update])).toEqual([
      [first.id, '2026-03-08T07:00:00.25'],
      [third.id, '2026-03-08T07:00:00'],
      [second.id, '2026-03-08T07:00:00'],
    ])
    const oldestFirst = await json<TicketList>('/Tickets?search=ordered&order=LAST_UPDATE')
    expect(oldestFirst.tickets.map((ticket) => ticket.id)).toEqual([second.id, third.id, first.id])
  })

  it('filters a datesearch window on last_update (the closest Halo has to updated-since)', async () => {
    let now = Date.UTC(2024, 4, 2, 8, 0, 0)
    const { json } = await startHaloTestSession({ clock: { now: () => now } })
    const first = await json<Ticket>('/Tickets', { method: 'POST', json: [{ summary: 'before', details: 'x' }] })
    now += 60_000
    const second = await json<Ticket>('/Tickets', { method: 'POST', json: [{ summary: 'after', details: 'x' }] })
    const window = await json<TicketList>('/Tickets?datesearch=last_update&startdate=2024-05-02T08:00:30&enddate=2024-05-03T00:00:00')
    expect(window.tickets.map((ticket) => ticket.id)).toEqual([second.id])
    now += 60_000
    await json('/Tickets', { method: 'POST', json: [{ id: first.id, summary: 'before (edited)' }] })
    const later = await json<TicketList>('/Tickets?datesearch=last_update&startdate=2024-05-02T08:01:30Z')
    expect(later.tickets.map((ticket) => ticket.id)).toEqual([first.id])
    const opened = await json<TicketList>('/Tickets?datesearch=dateoccured&startdate=2024-05-02T08:00:30')
    expect(opened.tickets.map((ticket) => ticket.id)).toEqual([second.id])
  })

  it('finds tickets by a custom field with advanced_search and refuses unknown fields with Halo’s text', async () => {
    const { json, api } = await startHaloTestSession()
    const stamped = await json<Ticket>('/Tickets', {
      method: 'POST',
      json: [{ summary: 'migrated', details: 'from RT', customfields: [{ name: 'CFExternalReference', value: 'rt-4242' }] }],
    })
    await json('/Tickets', { method: 'POST', json: [{ summary: 'other', details: 'x' }] })
    const search = encodeURIComponent(JSON.stringify([{ filter_name: 'CFExternalReference', filter_type: 2, filter_value: 'rt-4242' }]))
    const found = await json<TicketList>(`/Tickets?advanced_search=${search}`)
    expect(found.tickets.map((ticket) => ticket.id)).toEqual([stamped.id])
    const bad = await api(
      `/Tickets?advanced_search=${encodeURIComponent(JSON.stringify([{ filter_name: 'nope', filter_type: 2, filter_value: 1 }]))}`,
    )
    expect(bad.status).toBe(400)
    expect(await bad.text()).toBe('Invalid advanced search parameter')
  })

  it('keeps projects out of /Tickets and lists them under /Projects with the key tickets', async () => {
    const { json } = await startHaloTestSession()
    const project = await json<Ticket>('/Projects', { method: 'POST', json: [{ summary: 'Office move' }] })
    await json('/Tickets', { method: 'POST', json: [{ summary: 'Printer', details: 'jammed' }] })
    expect(project.tickettype_name).toBe('Project')
    const projects = await json<TicketList>('/Projects')
    expect(projects.tickets.map((ticket) => ticket.id)).toEqual([project.id])
    const tickets = await json<TicketList>('/Tickets')
    expect(tickets.tickets.map((ticket) => ticket.summary)).toEqual(['Printer'])
    expect((await json<TicketList>('/Tickets?includeprojects=true')).record_count).toBe(2)
  })
})

describe('Halo simulator: ticket upserts', () => {
  it('creates from an array without id and answers the saved object with Halo’s defaults', async () => {
    const now = Date.UTC(2024, 4, 2, 8, 0, 3, 210)
    const { json, simulator } = await startHaloTestSession({ clock: { now: () => now } })
    const created = await json<Ticket>('/Tickets', {
      method: 'POST',
      json: [
        {
          summary: 'VPN drops every 10 minutes',
          details_html: '<p>Since <b>Monday</b> the VPN disconnects.</p>',
          tickettype_id: 1,
          user_id: 1,
          priority_id: 2,
        },
      ],
    })
    expect(Array.isArray(created)).toBe(false)
    expect(created.id).toBe(1001)
    expect(created).toMatchObject({
      summary: 'VPN drops every 10 minutes',
      details: 'Since Monday the VPN disconnects.',
      status_id: 1,
      status_name: 'New',
      tickettype_name: 'Incident',
      sla_id: 1,
      priority_name: 'High',
      site_id: 1,
      client_id: 1,
      client_name: 'Contoso Ltd',
      user_name: 'Jane Doe',
      dateoccurred: '2024-05-02T08:00:03.21',
      respondbydate: '2024-05-02T10:00:03.21',
      fixbydate: '2024-05-02T16:00:03.21',
      dateclosed: '1900-01-01T00:00:00',
      hasbeenclosed: false,
    })
    for (const field of ['dateoccurred', 'datecreated', 'last_update', 'lastactiondate', 'dateclosed', 'targetdate']) {
      expect(created[field]).toMatch(haloDate)
    }
    expect(JSON.stringify(created)).not.toMatch(/\d{2}:\d{2}:\d{2}(\.\d+)?Z"/)
    expect(simulator.state.writes).toEqual([{ resource: 'Tickets', id: 1001, operation: 'create', flags: {}, at: '2024-05-02T08:00:03.21' }])
  })

  it('updates only the fields sent when the id is given', async () => {
    let now = Date.UTC(2024, 4, 2, 8, 0, 0)
    const { json } = await startHaloTestSession({ clock: { now: () => now } })
    const created = await json<Ticket>('/Tickets', {
      method: 'POST',
      json: [{ summary: 'Laptop', details: 'Will not boot', category_1: 'Hardware>Laptop' }],
    })
    now += 5_000
    const updated = await json<Ticket>('/Tickets', { method: 'POST', json: [{ id: created.id, status_id: 2, agent_id: 2 }] })
    expect(updated).toMatchObject({
      id: created.id,
      summary: 'Laptop',
      details: 'Will not boot',
      category_1: 'Hardware>Laptop',
      status_id: 2,
      agent_name: 'Sam Agent',
    })
    expect(updated.last_update).toBe('2024-05-02T08:00:05')
    expect(updated.datecreated).toBe(created.datecreated)
    now += 5_000
    const closed = await json<Ticket>('/Tickets', { method: 'POST', json: [{ id: created.id, status_id: 9 }] })
    expect(closed).toMatchObject({ hasbeenclosed: true, dateclosed: '2024-05-02T08:00:10' })
    const reopened = await json<Ticket>('/Tickets', { method: 'POST', json: [{ id: created.id, status_id: 2 }] })
    expect(reopened).toMatchObject({ hasbeenclosed: false, dateclosed: '1900-01-01T00:00:00' })
    const read = await json<Ticket>(`/Tickets/${created.id}`)
    expect(read.status_name).toBe('In Progress')
  })

  it('answers a batch of three with an array, and stores none of a batch with one bad record', async () => {
    const { json, api, simulator } = await startHaloTestSession()
    const batch = await json<Ticket[]>('/Tickets', {
      method: 'POST',
      json: [
        { summary: 'one', details: 'a' },
        { summary: 'two', details: 'b' },
        { summary: 'three', details: 'c' },
      ],
    })
    expect(batch.map((ticket) => ticket.summary)).toEqual(['one', 'two', 'three'])
    expect(new Set(batch.map((ticket) => ticket.id)).size).toBe(3)
    const mixed = await api('/Tickets', {
      method: 'POST',
      json: [
        { summary: 'four', details: 'd' },
        { summary: 'five', details: 'e', status_id: 999 },
      ],
    })
    expect(mixed.status).toBe(400)
    expect(await mixed.json()).toEqual({ resultCode: 1, errorMessage: 'Status 999 does not exist.' })
    expect(simulator.state.tickets.size).toBe(3)
  })

  it('enforces the ticket type’s mandatory fields unless _novalidate, and records the write flags', async () => {
    const { json, api, simulator } = await startHaloTestSession()
    const missing = await api('/Tickets', { method: 'POST', json: [{ summary: 'no details', tickettype_id: 1 }] })
    expect(missing.status).toBe(400)
    expect(await missing.json()).toEqual({ ClassName: 'System.Exception', Message: 'Details is a mandatory field' })
    const change = await api('/Tickets', { method: 'POST', json: [{ summary: 'change', details: 'x', tickettype_id: 4 }] })
    expect(((await change.json()) as { Message: string }).Message).toBe('Change window is a mandatory field')
    const silent = await json<Ticket>('/Tickets', {
      method: 'POST',
      json: [
        {
          summary: 'silent import',
          tickettype_id: 1,
          _novalidate: true,
          dont_do_rules: true,
          _dont_fire_automations: true,
          sendack: false,
          _isimport: true,
        },
      ],
    })
    expect(silent.id).toBeGreaterThan(0)
    expect(silent).not.toHaveProperty('_novalidate')
    expect(simulator.state.writes.at(-1)).toMatchObject({
      resource: 'Tickets',
      id: silent.id,
      operation: 'create',
      flags: { _novalidate: true, dont_do_rules: true, _dont_fire_automations: true, sendack: false, _isimport: true },
    })
  })

  it('refuses unknown references, a priority outside the SLA, an unknown id, and a non-integer id', async () => {
    const { api, json } = await startHaloTestSession()
    const cases: [unknown, number, string][] = [
      [{ summary: 'a', details: 'b', agent_id: 6 }, 400, 'disabled'],
      [{ summary: 'a', details: 'b', team: 'Nobody' }, 400, "Team 'Nobody' does not exist."],
      [{ summary: 'a', details: 'b', priority_id: 7 }, 400, "Priority 7 is not valid for SLA 'Standard'."],
      [{ summary: 'a', details: 'b', user_id: 3, site_id: 1 }, 400, 'does not belong'],
      [{ id: 987654, summary: 'ghost' }, 404, 'Ticket 987654 not found.'],
      [{ summary: 'a', details: 'b', site_id: 95.5 }, 400, "Error converting value 95.5 to type 'System.Int32'"],
    ]
    for (const [body, status, message] of cases) {
      const response = await api('/Tickets', { method: 'POST', json: [body] })
      expect(response.status).toBe(status)
      expect(await response.text()).toContain(message)
    }
    const team = await json<Ticket>('/Tickets', { method: 'POST', json: [{ summary: 'a', details: 'b', team: 'service desk' }] })
    expect(team.team).toBe('Service Desk')
  })

  it('takes a bare object when strict spec mode is off, and refuses it (not an array) when on', async () => {
    const loose = await startHaloTestSession({ strictSpec: false })
    const created = await loose.json<Ticket>('/Tickets', { method: 'POST', json: { summary: 'bare', details: 'object' } })
    expect(created.summary).toBe('bare')
    const strict = await startHaloTestSession()
    const refused = await strict.api('/Tickets', { method: 'POST', json: { summary: 'bare', details: 'object' } })
    expect(refused.status).toBe(400)
    expect(((await refused.json()) as { Message: string }).Message).toContain('JSON array')
  })
})

describe('Halo simulator: single tickets', () => {
  it('reads one with custom fields expanded, and more with includedetails', async () => {
    const { json } = await startHaloTestSession()
    const created = await json<Ticket>('/Tickets', {
      method: 'POST',
      json: [
        {
          summary: 'Severity test',
          details: 'x',
          customfields: [
            { id: 146, value: 'Major' },
            { name: 'CFAssetTag', value: 'LT-0042' },
          ],
        },
      ],
    })
    const read = await json<Ticket & { customfields: Record<string, unknown>[] }>(`/Tickets/${created.id}`)
    expect(read.customfields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 146, name: 'CFSeverity', value: 3, display: 'Major' }),
        expect.objectContaining({ id: 145, name: 'CFAssetTag', value: 'LT-0042', display: 'LT-0042' }),
      ]),
    )
    expect(read).not.toHaveProperty('attachments')
    const detailed = await json<Ticket>(`/Tickets/${created.id}?includedetails=true`)
    expect(detailed.attachments).toEqual([])
    const list = await json<TicketList>('/Tickets')
    expect(list.tickets[0]).not.toHaveProperty('customfields')
    expect(list.tickets[0]).not.toHaveProperty('details_html')
  })

  it('deletes softly: gone from reads and lists, listed with deleted=true, recoverable with _recover', async () => {
    const { json, api, simulator } = await startHaloTestSession()
    const created = await json<Ticket>('/Tickets', { method: 'POST', json: [{ summary: 'duplicate', details: 'x' }] })
    const deleted = await api(`/Tickets/${created.id}?reason=duplicate`, { method: 'DELETE' })
    expect(deleted.status).toBe(200)
    expect((await api(`/Tickets/${created.id}`)).status).toBe(404)
    expect((await json<TicketList>('/Tickets')).record_count).toBe(0)
    expect((await json<TicketList>('/Tickets?deleted=true')).tickets.map((ticket) => ticket.id)).toEqual([created.id])
    expect(simulator.state.writes.at(-1)).toMatchObject({ operation: 'delete', flags: { reason: 'duplicate' } })
    await json('/Tickets', { method: 'POST', json: [{ id: created.id, _recover: true }] })
    expect((await api(`/Tickets/${created.id}`)).status).toBe(200)
  })

  it('answers 404 for a ticket that does not exist', async () => {
    const { api } = await startHaloTestSession()
    const response = await api('/Tickets/987654321')
    expect(response.status).toBe(404)
  })
})
