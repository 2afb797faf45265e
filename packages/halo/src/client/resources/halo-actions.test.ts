import type { ValidationError } from '@ticketbridge/core'
import { http, HttpResponse } from 'msw'
import { afterEach, describe, expect, it } from 'vitest'
import { HaloClient } from '../halo-client'
import { type MockHalo, mockClientSettings, mockOrigin, startMockHalo } from '../__fixtures__/mock-halo-instance'

let mock: MockHalo | undefined
afterEach(() => {
  mock?.close()
  mock = undefined
})

describe('Halo actions', () => {
  it('creates notes, emails and time entries with an outcome, and keys reads and deletes by ticket', async () => {
    const posted: Record<string, unknown>[] = []
    const requested: URL[] = []
    mock = startMockHalo({
      handlers: () => [
        http.post(`${mockOrigin}/api/Actions`, async ({ request }) => {
          const [action] = (await request.json()) as Record<string, unknown>[]
          posted.push(action!)
          return HttpResponse.json({ ...action, id: posted.length + 1, who: 'API Integration', datetime: '2024-05-02T08:05:10.447' })
        }),
        http.get(`${mockOrigin}/api/Actions`, ({ request }) => {
          requested.push(new URL(request.url))
          return HttpResponse.json({
            record_count: 2,
            actions: [
              { id: 2, ticket_id: 4813, outcome: 'Private Note', note: 'Checked the firewall.', hiddenfromuser: true, timetaken: 0 },
              { id: 3, ticket_id: 4813, outcome: 'Log Time', note: 'Replaced toner', hiddenfromuser: true, timetaken: 0.75 },
            ],
          })
        }),
        http.get(`${mockOrigin}/api/Actions/:id`, ({ request, params }) => {
          requested.push(new URL(request.url))
          return HttpResponse.json({ id: Number(params.id), ticket_id: 4813, note: 'Checked the firewall.' })
        }),
        http.delete(`${mockOrigin}/api/Actions/:id`, ({ request }) => {
          requested.push(new URL(request.url))
          return new HttpResponse(null, { status: 200 })
        }),
      ],
    })
    const client = new HaloClient(mockClientSettings())
    const note = await client.actions.createNote(4813, { note_html: '<p>Checked the firewall.</p>', outcome_id: 7, timetaken: 0.25 })
    expect(note.who).toBe('API Integration')
    expect(posted[0]).toEqual({
      ticket_id: 4813,
      sendemail: false,
      hiddenfromuser: true,
      note_html: '<p>Checked the firewall.</p>',
      outcome_id: 7,
      timetaken: 0.25,
    })
    await client.actions.createEmail(4813, { emailto: 'jane@contoso.example.com', emailsubject: 'Update', note: 'Fixed.', outcome: 'Email User' })
    expect(posted[1]).toMatchObject({
      ticket_id: 4813,
      sendemail: true,
      hiddenfromuser: false,
      emailto: 'jane@contoso.example.com',
      outcome: 'Email User',
    })
    await client.timeEntries.create(4813, { timetaken: 0.75, note: 'Replaced toner', outcome_id: 6 })
    expect(posted[2]).toMatchObject({ ticket_id: 4813, timetaken: 0.75, hiddenfromuser: true, sendemail: false })

    const entries = await client.timeEntries.listForTicket(4813)
    expect(entries.map((entry) => entry.id)).toEqual([3])
    expect(requested[0]!.searchParams.get('ticket_id')).toBe('4813')
    expect(requested[0]!.searchParams.get('timeentriesonly')).toBe('true')
    await client.actions.get(4813, 2)
    expect(`${requested[1]!.pathname}?${requested[1]!.searchParams}`).toBe('/api/Actions/2?includedetails=true&ticket_id=4813')
    await client.actions.delete(4813, 2)
    expect(`${requested[2]!.pathname}?${requested[2]!.searchParams}`).toBe('/api/Actions/2?ticket_id=4813')
  })

  it('refuses an action without a ticket or an outcome before sending it', async () => {
    mock = startMockHalo()
    const client = new HaloClient(mockClientSettings())
    const withoutOutcome = (await client.actions.create({ ticket_id: 4813, note: 'x' }).catch((error: unknown) => error)) as ValidationError
    expect(withoutOutcome.issues[0]?.field).toBe('outcome_id')
    const withoutTicket = (await client.actions.create({ outcome_id: 7, note: 'x' }).catch((error: unknown) => error)) as ValidationError
    expect(withoutTicket.issues[0]?.field).toBe('ticket_id')
    const withoutTime = (await client.timeEntries.create(4813, { timetaken: 0 }).catch((error: unknown) => error)) as ValidationError
    expect(withoutTime.issues[0]?.field).toBe('timetaken')
  })
})
