import { ConfigurationError, InvalidResponseError, ServerError, ValidationError } from '@ticketbridge/core'
import { createMockServer } from '@ticketbridge/testkit'
import { http, HttpResponse } from 'msw'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { createTestClient, makeTickets, queryHandler, testApiBase } from './__fixtures__/autotask-test-tenant'
import { autotaskFilter } from './autotask-filter'

const server = createMockServer([])
afterEach(() => server.reset())
afterAll(() => server.close())

/** The mock server logs requests asynchronously (it reads each body); let it catch up. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 25))

const queryBodies = () =>
  server.requests
    .filter((request) => request.method === 'POST' && request.url.includes('/query'))
    .map((request) => JSON.parse(request.body) as { filter: Record<string, unknown>[]; maxRecords?: number; includeFields?: string[] })

describe('paging past 500 rows', () => {
  it('pages by id > last id, 500 at a time, and returns every row once', async () => {
    const tickets = makeTickets(1234)
    server.use(queryHandler('Tickets', tickets))
    const client = createTestClient()
    const pages: number[] = []
    const ids: number[] = []
    for await (const page of client.tickets.queryAll({ filter: [autotaskFilter.eq('companyID', 0)] }).pages()) {
      pages.push(page.items.length)
      ids.push(...page.items.map((item) => item.id))
    }
    expect(pages).toEqual([500, 500, 234])
    expect(ids).toEqual(tickets.map((ticket) => ticket.id))
    await settled()
    const bodies = queryBodies()
    expect(bodies).toHaveLength(3)
    expect(bodies.map((body) => body.maxRecords)).toEqual([500, 500, 500])
    expect(bodies[0]!.filter).toEqual([{ op: 'eq', field: 'companyID', value: 0 }])
    expect(bodies[1]!.filter).toEqual([
      { op: 'eq', field: 'companyID', value: 0 },
      { op: 'gt', field: 'id', value: 1499 },
    ])
    expect(bodies[2]!.filter).toEqual([
      { op: 'eq', field: 'companyID', value: 0 },
      { op: 'gt', field: 'id', value: 1999 },
    ])
  })

  it('asks for id among includeFields, and lists everything with id gte 0 when no filter is given', async () => {
    server.use(queryHandler('Tickets', makeTickets(3)))
    const client = createTestClient()
    const all = await client.tickets.queryAll({ includeFields: ['title'] }).toArray({ limit: 100 })
    expect(all.map((ticket) => ticket.id)).toEqual([1000, 1001, 1002])
    await settled()
    expect(queryBodies()[0]).toEqual({ filter: [{ op: 'gte', field: 'id', value: 0 }], includeFields: ['id', 'title'], maxRecords: 500 })
  })

  it('follows next-page URLs on the zone, POSTing the same body', async () => {
    const tickets = makeTickets(700)
    server.use(
      http.post(`${testApiBase}/Tickets/query/next`, async ({ request }) => {
        const after = (JSON.parse(new URL(request.url).searchParams.get('paging') ?? '{}') as { after: number }).after
        const items = tickets.filter((ticket) => ticket.id > after)
        return HttpResponse.json({ items, pageDetails: { count: items.length, requestCount: 500, nextPageUrl: null } })
      }),
      queryHandler('Tickets', tickets),
    )
    const client = createTestClient()
    const all = await client.tickets.queryAll({}, { paging: 'next-page-url' }).toArray({ limit: 10_000 })
    expect(all).toHaveLength(700)
    await settled()
    const posts = server.requests.filter((request) => request.method === 'POST')
    expect(posts.map((request) => new URL(request.url).pathname)).toEqual([
      '/ATServicesRest/V1.0/Tickets/query',
      '/ATServicesRest/V1.0/Tickets/query/next',
    ])
    expect(posts[1]!.body).toBe(posts[0]!.body)
  })

  it('refuses a next-page URL outside the zone and sends no credentials there', async () => {
    server.use(
      queryHandler('Tickets', makeTickets(10), () =>
        HttpResponse.json({
          items: makeTickets(2),
          pageDetails: { count: 2, requestCount: 500, nextPageUrl: 'https://attacker.example/ATServicesRest/V1.0/Tickets/query/next?paging=x' },
        }),
      ),
    )
    const client = createTestClient()
    const error = await client.tickets
      .queryAll({}, { paging: 'next-page-url' })
      .toArray({ limit: 100 })
      .catch((caught: unknown) => caught)
    expect(InvalidResponseError.isInstance(error)).toBe(true)
    expect((error as Error).message).toContain('outside the zone')
    expect(server.requests.every((request) => new URL(request.url).hostname === 'webservices14.autotask.net')).toBe(true)
  })

  it('stops with InvalidResponseError when the server ignores the id filter, instead of looping', async () => {
    server.use(
      queryHandler('Tickets', [], () =>
        HttpResponse.json({ items: makeTickets(500), pageDetails: { count: 500, requestCount: 500, nextPageUrl: null } }),
      ),
    )
    const client = createTestClient()
    await expect(client.tickets.queryAll().toArray({ limit: 10_000 })).rejects.toSatisfy((error) => InvalidResponseError.isInstance(error))
    await settled()
    expect(queryBodies()).toHaveLength(2)
  })
})

describe('a failure after the first page', () => {
  it('surfaces a failing third page as the error, never as a short result', async () => {
    const tickets = makeTickets(1400)
    let calls = 0
    server.use(
      queryHandler('Tickets', tickets, () => {
        calls += 1
        return calls === 3 ? HttpResponse.json({ errors: ['Unable to find lastActivityDateX in the Ticket Entity.'] }, { status: 500 }) : undefined
      }),
    )
    const client = createTestClient()
    const error = await client.tickets
      .queryAll()
      .toArray({ limit: 10_000 })
      .catch((caught: unknown) => caught)
    expect(ValidationError.isInstance(error)).toBe(true)
    expect(calls).toBe(3)

    calls = 0
    const seen: number[] = []
    const iterate = async () => {
      for await (const ticket of client.tickets.queryAll()) seen.push(ticket.id)
    }
    await expect(iterate()).rejects.toSatisfy((caught) => ValidationError.isInstance(caught))
    // The first two pages were handed out; the listing then failed loudly.
    expect(seen).toHaveLength(1000)
  })

  it('retries a query page that hits a passing server failure (queries are idempotent POSTs)', async () => {
    const tickets = makeTickets(600)
    let calls = 0
    server.use(
      queryHandler('Tickets', tickets, () => {
        calls += 1
        return calls === 2 ? HttpResponse.json({ errors: ['An unexpected error has occurred. Error ID: 4711'] }, { status: 500 }) : undefined
      }),
    )
    const client = createTestClient()
    expect(await client.tickets.queryAll().toArray({ limit: 10_000 })).toHaveLength(600)
    expect(calls).toBe(3)
  })

  it('rejects with ServerError when a later page keeps failing', async () => {
    let calls = 0
    server.use(
      queryHandler('Tickets', makeTickets(900), () => {
        calls += 1
        return calls >= 2 ? new HttpResponse('upstream down', { status: 503 }) : undefined
      }),
    )
    const client = createTestClient({ retry: { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 2, jitter: 'none' } })
    await expect(client.tickets.queryAll().toArray({ limit: 10_000 })).rejects.toSatisfy(
      (error) => ServerError.isInstance(error) && error.status === 503,
    )
    expect(calls).toBe(4)
  })
})

describe('query building', () => {
  it('sends every operator, groups and UDF conditions as Autotask spells them', async () => {
    server.use(queryHandler('Tickets', [], () => HttpResponse.json({ items: [], pageDetails: { count: 0, requestCount: 25, nextPageUrl: null } })))
    const client = createTestClient()
    const since = new Date('2025-01-31T00:00:00Z')
    await client.tickets.query({
      maxRecords: 25,
      includeFields: ['id', 'title'],
      filter: [
        autotaskFilter.noteq('status', 5),
        autotaskFilter.gt('lastActivityDate', since),
        autotaskFilter.or(autotaskFilter.eq('queueID', 29683354), autotaskFilter.eq('queueID', 29683482)),
        autotaskFilter.and(autotaskFilter.gte('priority', 1), autotaskFilter.lte('priority', 3), autotaskFilter.lt('id', 10_000)),
        autotaskFilter.contains('title', 'VPN'),
        autotaskFilter.beginsWith('ticketNumber', 'T2025'),
        autotaskFilter.endsWith('title', '!'),
        autotaskFilter.exist('contactID'),
        autotaskFilter.notExist('assignedResourceID'),
        autotaskFilter.in('companyID', [1, 2]),
        autotaskFilter.notIn('source', [4]),
        autotaskFilter.udf.eq('External Ref', 'INC-42'),
      ],
    })
    await settled()
    expect(queryBodies()[0]).toEqual({
      maxRecords: 25,
      includeFields: ['id', 'title'],
      filter: [
        { op: 'noteq', field: 'status', value: 5 },
        { op: 'gt', field: 'lastActivityDate', value: '2025-01-31T00:00:00.000Z' },
        {
          op: 'or',
          items: [
            { op: 'eq', field: 'queueID', value: 29683354 },
            { op: 'eq', field: 'queueID', value: 29683482 },
          ],
        },
        {
          op: 'and',
          items: [
            { op: 'gte', field: 'priority', value: 1 },
            { op: 'lte', field: 'priority', value: 3 },
            { op: 'lt', field: 'id', value: 10_000 },
          ],
        },
        { op: 'contains', field: 'title', value: 'VPN' },
        { op: 'beginsWith', field: 'ticketNumber', value: 'T2025' },
        { op: 'endsWith', field: 'title', value: '!' },
        { op: 'exist', field: 'contactID' },
        { op: 'notExist', field: 'assignedResourceID' },
        { op: 'in', field: 'companyID', value: [1, 2] },
        { op: 'notIn', field: 'source', value: [4] },
        { op: 'eq', field: 'External Ref', value: 'INC-42', udf: true },
      ],
    })
  })

  it('refuses a misspelled operator before sending (Autotask would ignore it and return everything)', async () => {
    const client = createTestClient()
    const error = await client.tickets.query({ filter: [{ op: 'ne', field: 'status', value: 5 } as never] }).catch((caught: unknown) => caught)
    expect(ValidationError.isInstance(error) && error.status).toBe(0)
    expect((error as ValidationError).issues).toEqual([
      expect.objectContaining({ field: 'filter[0].op', message: expect.stringContaining('did you mean noteq') }),
    ])
    expect(server.requests).toHaveLength(0)
  })

  it('refuses maxRecords above 500 and in lists past 500 values', async () => {
    const client = createTestClient()
    await expect(client.tickets.query({ maxRecords: 501 })).rejects.toSatisfy(
      (error) => ValidationError.isInstance(error) && error.issues[0]?.field === 'maxRecords',
    )
    const many = Array.from({ length: 501 }, (_, index) => index)
    await expect(client.tickets.query({ filter: [autotaskFilter.in('id', many)] })).rejects.toSatisfy((error) => ValidationError.isInstance(error))
    expect(server.requests).toHaveLength(0)
  })

  it('splits long in lists into parts of at most 500 values, each paged by id', async () => {
    const notes = Array.from({ length: 1300 }, (_, index) => ({ id: 5000 + index, ticketID: 1000 + (index % 1200) }))
    server.use(queryHandler('TicketNotes', notes))
    const client = createTestClient()
    const ticketIds = Array.from({ length: 1200 }, (_, index) => 1000 + index)
    const found = await client.ticketNotes.forTickets(ticketIds).toArray({ limit: 10_000 })
    expect(new Set(found.map((note) => note.id)).size).toBe(1300)
    await settled()
    const bodies = queryBodies()
    for (const body of bodies) {
      const list = body.filter.find((filter) => filter.op === 'in') as { value: number[] }
      expect(list.value.length).toBeLessThanOrEqual(500)
    }
    expect(bodies.filter((body) => !body.filter.some((filter) => filter.op === 'gt'))).toHaveLength(3)
  })

  it('counts with one request', async () => {
    server.use(http.post(`${testApiBase}/Tickets/query/count`, () => HttpResponse.json({ queryCount: 4321 })))
    const client = createTestClient()
    expect(await client.tickets.count([autotaskFilter.noteq('status', 5)])).toBe(4321)
    await settled()
    expect(JSON.parse(server.requests[0]!.body)).toEqual({ filter: [{ op: 'noteq', field: 'status', value: 5 }] })
  })
})

describe('query keys a query does not have', () => {
  /** The error a call throws or rejects with (listings check their query when they are made). */
  const refusal = async (call: () => unknown): Promise<Error> => {
    try {
      await call()
    } catch (error) {
      return error as Error
    }
    throw new Error('the call was not refused')
  }

  it('refuses call options passed where the query goes, and misspelled fields, before anything is sent', async () => {
    server.use(queryHandler('Tickets', makeTickets(3)))
    const client = createTestClient()
    // Plain JavaScript: the query is the first argument, the call options the second.
    const timeout = await refusal(() => client.tickets.query({ timeoutMs: 1 } as never))
    expect(ConfigurationError.isInstance(timeout) && timeout.option).toBe('query.timeoutMs')
    expect(timeout.message).toContain("'timeoutMs' is a call option: give it in the options argument that follows the query")
    const misspelled = await refusal(() => client.tickets.queryAll({ filters: [autotaskFilter.eq('status', 5)] } as never).toArray({ limit: 10 }))
    expect(misspelled.message).toBe("Autotask query key 'filters' is not a field of a query. Did you mean 'filter'? Nothing was sent.")
    const pascalCase = await refusal(() => client.tickets.query({ MaxRecords: 5 } as never))
    expect(pascalCase.message).toContain("Did you mean 'maxRecords'?")
    const other = await refusal(() => client.tickets.queryIn('id', [1], { sort: 'id' } as never).toArray({ limit: 10 }))
    expect(other.message).toContain('A query takes maxRecords, includeFields, filter (QueryModel in the spec).')
    await settled()
    expect(server.requests).toHaveLength(0)
    // The fields of QueryModel pass, and undefined ones are not sent.
    expect((await client.tickets.query({ filter: [autotaskFilter.eq('status', 1)], includeFields: undefined, maxRecords: 2 })).items).toHaveLength(2)
  })
})
