import { InvalidResponseError, ValidationError } from '@ticketbridge/core'
import { http, HttpResponse } from 'msw'
import { afterEach, describe, expect, it } from 'vitest'
import { HaloClient } from './halo-client'
import { type MockHalo, mockClientSettings, mockOrigin, startMockHalo } from './__fixtures__/mock-halo-instance'

let mock: MockHalo | undefined
afterEach(() => {
  mock?.close()
  mock = undefined
})

/** Tickets 1..total, served the way Halo does: pages silently cut to `cap`, `record_count` the total. */
function pagedTickets(total: number, cap: number, seen: URL[], options: { withCount?: boolean } = {}) {
  return () => [
    http.get(`${mockOrigin}/api/Tickets`, ({ request }) => {
      const url = new URL(request.url)
      seen.push(url)
      const pageSize = Math.min(Number(url.searchParams.get('page_size') ?? 50), cap)
      const pageNumber = Number(url.searchParams.get('page_no') ?? 1)
      const start = (pageNumber - 1) * pageSize
      const rows = Array.from({ length: Math.max(0, Math.min(pageSize, total - start)) }, (_, index) => ({
        id: start + index + 1,
        summary: `Ticket ${start + index + 1}`,
      }))
      return HttpResponse.json({
        page_no: pageNumber,
        page_size: pageSize,
        ...(options.withCount === false ? {} : { record_count: total }),
        tickets: rows,
      })
    }),
  ]
}

describe('Halo lists', () => {
  it('lists 717 tickets as 717 although Halo cuts every page to 100', async () => {
    const seen: URL[] = []
    mock = startMockHalo({ handlers: pagedTickets(717, 100, seen) })
    const client = new HaloClient(mockClientSettings())
    const tickets = await client.tickets.list({ page_size: 1000, open_only: true }).toArray({ limit: 10_000 })
    expect(tickets).toHaveLength(717)
    expect(new Set(tickets.map((ticket) => ticket.id)).size).toBe(717)
    expect(seen).toHaveLength(8)
    for (const url of seen) {
      expect(url.searchParams.get('pageinate')).toBe('true')
      expect(url.searchParams.get('page_size')).toBe('100')
      expect(url.searchParams.get('open_only')).toBe('true')
    }
    expect(seen.map((url) => url.searchParams.get('page_no'))).toEqual(['1', '2', '3', '4', '5', '6', '7', '8'])
  })

  it('follows record_count when the server caps pages lower than asked, and stops at an empty page without one', async () => {
    const capped: URL[] = []
    mock = startMockHalo({ handlers: pagedTickets(130, 25, capped) })
    const client = new HaloClient(mockClientSettings())
    expect(await client.tickets.list().toArray({ limit: 1000 })).toHaveLength(130)
    expect(capped).toHaveLength(6)
    mock.close()
    const uncounted: URL[] = []
    mock = startMockHalo({ handlers: pagedTickets(130, 25, uncounted, { withCount: false }) })
    expect(await new HaloClient(mockClientSettings()).tickets.list().toArray({ limit: 1000 })).toHaveLength(130)
    expect(uncounted).toHaveLength(7) // the last one came back empty
  })

  it('reads bare-array lists and wrappers without the expected key', async () => {
    mock = startMockHalo({
      handlers: () => [
        http.get(`${mockOrigin}/api/Status`, () =>
          HttpResponse.json([
            { id: 1, name: 'New' },
            { id: 9, name: 'Closed' },
          ]),
        ),
        http.get(`${mockOrigin}/api/Team`, () => HttpResponse.json({ record_count: 1, teamlist: [{ id: 2, name: 'Service Desk' }] })),
        http.get(`${mockOrigin}/api/Agent`, () => HttpResponse.json({ record_count: 0 })),
        http.get(`${mockOrigin}/api/Outcome`, () => HttpResponse.json({ unexpected: true })),
      ],
    })
    const client = new HaloClient(mockClientSettings())
    expect((await client.statuses.list().toArray({ limit: 10 })).map((status) => status.name)).toEqual(['New', 'Closed'])
    expect((await client.teams.list().toArray({ limit: 10 })).map((team) => team.name)).toEqual(['Service Desk'])
    expect(await client.agents.list().toArray({ limit: 10 })).toEqual([])
    await expect(client.outcomes.list().toArray({ limit: 10 })).rejects.toSatisfy((error) => InvalidResponseError.isInstance(error))
  })

  it('keeps fields it does not know and fails clearly on a record that does not fit', async () => {
    mock = startMockHalo({
      handlers: () => [
        http.get(`${mockOrigin}/api/Tickets/4812`, () =>
          HttpResponse.json({ id: 4812, summary: 'Laptop', newer_build_field: { nested: 1 }, site_id: '40.0' }),
        ),
        http.get(`${mockOrigin}/api/Tickets/13`, () => HttpResponse.json({ id: 'not a number' })),
      ],
    })
    const client = new HaloClient(mockClientSettings())
    const ticket = await client.tickets.get(4812)
    expect(ticket.newer_build_field).toEqual({ nested: 1 })
    expect(ticket.site_id).toBe(40)
    const error = await client.tickets.get(13).catch((caught: unknown) => caught)
    expect(InvalidResponseError.isInstance(error)).toBe(true)
    expect((error as InvalidResponseError).issues[0]?.path).toEqual(['id'])
  })
})

describe('Halo upserts', () => {
  function recordingTickets(bodies: unknown[][], answer: (body: Record<string, unknown>[]) => unknown) {
    return () => [
      http.post(`${mockOrigin}/api/Tickets`, async ({ request }) => {
        const body = (await request.json()) as Record<string, unknown>[]
        bodies.push(body)
        return HttpResponse.json(answer(body) as never)
      }),
    ]
  }

  it('creates with an array body, and accepts an object or an array in answer', async () => {
    const bodies: unknown[][] = []
    let next = 100
    mock = startMockHalo({
      handlers: recordingTickets(bodies, (body) =>
        body.length === 1 ? { ...body[0], id: ++next } : body.map((record) => ({ ...record, id: ++next })),
      ),
    })
    const client = new HaloClient(mockClientSettings({ batchSize: 100 }))
    const created = await client.tickets.create({
      summary: 'VPN drops',
      details_html: '<p>Since Monday</p>',
      tickettype_id: 1,
      site_id: '40.0' as unknown as number,
    })
    expect(created.id).toBe(101)
    expect(bodies[0]).toEqual([{ summary: 'VPN drops', details_html: '<p>Since Monday</p>', tickettype_id: 1, site_id: 40 }])
    const many = await client.tickets.createMany(Array.from({ length: 250 }, (_, index) => ({ summary: `Imported ${index + 1}` })))
    expect(many).toHaveLength(250)
    expect(bodies.slice(1).map((body) => body.length)).toEqual([100, 100, 50])
    expect(many.map((ticket) => ticket.summary)).toEqual(Array.from({ length: 250 }, (_, index) => `Imported ${index + 1}`))
  })

  it('refuses an update without an id and a create with one, sending nothing', async () => {
    const bodies: unknown[][] = []
    mock = startMockHalo({ handlers: recordingTickets(bodies, (body) => body[0]) })
    const client = new HaloClient(mockClientSettings())
    const missingId = await client.tickets.update({ status_id: 2 } as never).catch((error: unknown) => error)
    expect(ValidationError.isInstance(missingId)).toBe(true)
    expect((missingId as ValidationError).status).toBe(0)
    expect((missingId as ValidationError).issues).toEqual([{ field: 'id', message: expect.stringContaining('duplicate') }])
    const zeroId = await client.tickets
      .updateMany([
        { id: 5, status_id: 2 },
        { id: 0, status_id: 2 },
      ])
      .catch((error: unknown) => error)
    expect((zeroId as ValidationError).issues[0]?.field).toBe('[1].id')
    const createWithId = await client.tickets.create({ id: 7, summary: 'x' }).catch((error: unknown) => error)
    expect((createWithId as ValidationError).issues[0]?.field).toBe('id')
    expect(bodies).toEqual([])
    await client.tickets.update({ id: 4813, status_id: 2, agent_id: 7 })
    expect(bodies).toEqual([[{ id: 4813, status_id: 2, agent_id: 7 }]])
  })

  it('says so when Halo answers a write without the saved record', async () => {
    mock = startMockHalo({ handlers: () => [http.post(`${mockOrigin}/api/Tickets`, () => new HttpResponse(null, { status: 200 }))] })
    const error = await new HaloClient(mockClientSettings()).tickets.create({ summary: 'x' }).catch((caught: unknown) => caught)
    expect(InvalidResponseError.isInstance(error)).toBe(true)
  })
})
