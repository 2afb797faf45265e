import { describe, expect, it } from 'vitest'
import { startHaloTestSession } from './halo-test-session'

type Row = Record<string, unknown> & { id: number }

async function ticketWith(session: Awaited<ReturnType<typeof startHaloTestSession>>): Promise<Row> {
  return session.json<Row>('/Tickets', { method: 'POST', json: [{ summary: 'Printer jammed', details: 'Tray 2' }] })
}

describe('Halo simulator: actions', () => {
  it('adds a private note with an outcome and answers Halo’s action shape, ids numbered per ticket', async () => {
    let now = Date.UTC(2024, 4, 2, 8, 5, 10, 447)
    const session = await startHaloTestSession({ clock: { now: () => now } })
    const ticket = await ticketWith(session)
    const other = await ticketWith(session)
    now += 1000
    const note = await session.json<Row>('/Actions', {
      method: 'POST',
      json: [
        {
          ticket_id: ticket.id,
          outcome_id: 7,
          note_html: '<p>Checked firewall logs; escalating.</p>',
          hiddenfromuser: true,
          timetaken: 0.25,
          sendemail: false,
        },
      ],
    })
    expect(note).toMatchObject({
      id: 2,
      ticket_id: ticket.id,
      outcome: 'Private Note',
      outcome_id: 7,
      who: 'API Integration',
      who_agentid: 5,
      note: 'Checked firewall logs; escalating.',
      hiddenfromuser: true,
      timetaken: 0.25,
      datetime: '2024-05-02T08:05:11.447',
    })
    const onOther = await session.json<Row>('/Actions', {
      method: 'POST',
      json: [{ ticket_id: other.id, outcome: 'Note', note: 'Same id, other ticket' }],
    })
    expect(onOther.id).toBe(2)
    const read = await session.json<Row>(`/Actions/2?ticket_id=${ticket.id}`)
    expect(read.note_html).toBe('<p>Checked firewall logs; escalating.</p>')
    const updatedTicket = await session.json<Row>(`/Tickets/${ticket.id}`)
    expect(updatedTicket.lastactiondate).toBe('2024-05-02T08:05:11.447')
  })

  it('refuses an action without an outcome with Halo’s bare JSON string', async () => {
    const session = await startHaloTestSession()
    const ticket = await ticketWith(session)
    const response = await session.api('/Actions', { method: 'POST', json: [{ ticket_id: ticket.id, note: 'no outcome' }] })
    expect(response.status).toBe(400)
    expect(await response.text()).toBe('"An Outcome must be entered for this Action"')
    const unknownTicket = await session.api('/Actions', { method: 'POST', json: [{ ticket_id: 987654, outcome_id: 2, note: 'x' }] })
    expect(unknownTicket.status).toBe(404)
  })

  it('takes visibility from the outcome unless sent, and moves the ticket on an outcome with a new status', async () => {
    const now = Date.UTC(2024, 4, 2, 9, 0, 0)
    const session = await startHaloTestSession({ clock: { now: () => now } })
    const ticket = await ticketWith(session)
    const [privateByOutcome, publicEmail] = await session.json<Row[]>('/Actions', {
      method: 'POST',
      json: [
        { ticket_id: ticket.id, outcome_id: 7, note: 'agents only' },
        { ticket_id: ticket.id, outcome_id: 1, note: 'to the user', emailto: 'jane.doe@contoso.example.com' },
      ],
    })
    expect(privateByOutcome!.hiddenfromuser).toBe(true)
    expect(publicEmail!.hiddenfromuser).toBe(false)
    await session.json('/Actions', { method: 'POST', json: [{ ticket_id: ticket.id, outcome_id: 3, note: 'Fixed.' }] })
    const closed = await session.json<Row>(`/Tickets/${ticket.id}`)
    expect(closed).toMatchObject({ status_id: 9, hasbeenclosed: true, dateclosed: '2024-05-02T09:00:00', responsedate: '2024-05-02T09:00:00' })
    await session.json('/Actions', { method: 'POST', json: [{ ticket_id: ticket.id, outcome_id: 2, note: 'reopening', new_status: 2 }] })
    expect((await session.json<Row>(`/Tickets/${ticket.id}`)).hasbeenclosed).toBe(false)
  })

  it('lists a ticket’s actions oldest first, with the system action, HTML and time filters on request', async () => {
    let now = Date.UTC(2024, 4, 2, 9, 0, 0)
    const session = await startHaloTestSession({ clock: { now: () => now } })
    const ticket = await ticketWith(session)
    for (const [outcome, note, time] of [
      [2, 'first', 0],
      [6, 'worked on it', 1.5],
      [7, '<b>private</b>', 0],
    ] as const) {
      now += 60_000
      await session.json('/Actions', { method: 'POST', json: [{ ticket_id: ticket.id, outcome_id: outcome, note_html: note, timetaken: time }] })
    }
    interface Actions {
      record_count: number
      actions: Row[]
    }
    const all = await session.json<Actions>(`/Actions?ticket_id=${ticket.id}`)
    expect(all.actions.map((action) => action.outcome)).toEqual(['Ticket Logged', 'Note', 'Log Time', 'Private Note'])
    expect(all.actions[0]).not.toHaveProperty('note_html')
    const human = await session.json<Actions>(`/Actions?ticket_id=${ticket.id}&excludesys=true&includehtmlnote=true`)
    expect(human.actions.map((action) => action.id)).toEqual([2, 3, 4])
    expect(human.actions[2]!.note_html).toBe('<b>private</b>')
    expect(human.actions[2]!.note).toBe('private')
    const time = await session.json<Actions>(`/Actions?ticket_id=${ticket.id}&timeentriesonly=true`)
    expect(time.actions.map((action) => action.timetaken)).toEqual([1.5])
    const publicOnly = await session.json<Actions>(`/Actions?ticket_id=${ticket.id}&excludesys=true&excludeprivate=true`)
    expect(publicOnly.actions.map((action) => action.note)).toEqual(['first'])
  })

  it('keeps the author and time an import sets', async () => {
    const session = await startHaloTestSession()
    const ticket = await ticketWith(session)
    const imported = await session.json<Row>('/Actions', {
      method: 'POST',
      json: [
        { ticket_id: ticket.id, outcome_id: 2, note: 'from the old system', actionby_user_id: 1, datetime: '2021-03-04T05:06:07Z', _isimport: true },
      ],
    })
    expect(imported).toMatchObject({ who: 'Jane Doe', who_type: 2, datetime: '2021-03-04T05:06:07' })
    expect(session.simulator.state.writes.at(-1)).toMatchObject({ resource: 'Actions', ticketId: ticket.id, flags: { _isimport: true } })
  })

  it('deletes an action only with its ticket_id', async () => {
    const session = await startHaloTestSession()
    const ticket = await ticketWith(session)
    const note = await session.json<Row>('/Actions', { method: 'POST', json: [{ ticket_id: ticket.id, outcome_id: 2, note: 'oops' }] })
    const withoutTicket = await session.api(`/Actions/${note.id}`, { method: 'DELETE' })
    expect(withoutTicket.status).toBe(400)
    expect(await withoutTicket.text()).toContain('ticket_id is required')
    expect((await session.api(`/Actions/${note.id}?ticket_id=${ticket.id}`, { method: 'DELETE' })).status).toBe(200)
    expect((await session.api(`/Actions/${note.id}?ticket_id=${ticket.id}`)).status).toBe(404)
    expect(session.simulator.specViolations).toEqual([])
  })
})
