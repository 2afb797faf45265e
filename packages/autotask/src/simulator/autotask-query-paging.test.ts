import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAutotaskSimulator, type AutotaskServedSimulator } from './index'
import { createTestCaller, type AutotaskTestCaller } from './test-support/autotask-test-caller'

describe('Autotask simulator: queries and paging', () => {
  const simulator = createAutotaskSimulator()
  let served: AutotaskServedSimulator
  let caller: AutotaskTestCaller
  const marker = 'paging-run-7f3'
  const query = { filter: [{ op: 'contains', field: 'title', value: marker }] }

  beforeAll(async () => {
    served = await simulator.serve({ record: false })
    caller = createTestCaller(served.url, simulator.credentials)
    await simulator.seedTickets(1234, marker)
  })
  afterAll(() => served.close())

  it('pages 1,234 tickets 500/500/234 by POSTing the body to each nextPageUrl', async () => {
    const sizes: number[] = []
    const seen: number[] = []
    let answer = await caller.call('POST', '/Tickets/query', query)
    for (;;) {
      expect(answer.status).toBe(200)
      sizes.push(answer.body.pageDetails.count)
      seen.push(...answer.body.items.map((item: { id: number }) => item.id))
      expect(answer.body.pageDetails.requestCount).toBe(500)
      const next = answer.body.pageDetails.nextPageUrl as string | null
      if (!next) break
      expect(new URL(next).origin).toBe(served.url)
      expect(next).toContain('/ATServicesRest/V1.0/Tickets/query/next?paging=')
      answer = await caller.callUrl('POST', next, query)
    }
    expect(sizes).toEqual([500, 500, 234])
    expect(new Set(seen).size).toBe(1234)
    expect(seen).toEqual([...seen].sort((left, right) => left - right))
  })

  it('pages the same rows by id > last', async () => {
    const sizes: number[] = []
    let lastId = 0
    for (;;) {
      const answer = await caller.call('POST', '/Tickets/query', {
        filter: [...query.filter, { op: 'gt', field: 'id', value: lastId }],
        maxRecords: 500,
      })
      const items = answer.body.items as { id: number }[]
      sizes.push(items.length)
      if (items.length < 500) break
      lastId = items.at(-1)!.id
    }
    expect(sizes).toEqual([500, 500, 234])
  })

  it('counts without paging', async () => {
    expect((await caller.call('POST', '/Tickets/query/count', query)).body).toEqual({ queryCount: 1234 })
    const search = encodeURIComponent(JSON.stringify(query))
    expect((await caller.call('GET', `/Tickets/query/count?search=${search}`)).body).toEqual({ queryCount: 1234 })
  })

  it('follows a GET ?search= query with GET, and answers 405 to a GET of a POST cursor', async () => {
    const search = encodeURIComponent(JSON.stringify(query))
    const first = await caller.call('GET', `/Tickets/query?search=${search}`)
    expect(first.body.pageDetails.count).toBe(500)
    const next = first.body.pageDetails.nextPageUrl as string
    expect(next).toContain('search=')
    const second = await caller.callUrl('GET', next)
    expect(second.status).toBe(200)
    expect(second.body.items[0].id).toBeGreaterThan(first.body.items.at(-1).id)
    expect(second.body.pageDetails.prevPageUrl).toContain('/Tickets/query/next?paging=')
    const previous = await caller.callUrl('GET', second.body.pageDetails.prevPageUrl)
    expect(previous.body.items.map((item: { id: number }) => item.id)).toEqual(first.body.items.map((item: { id: number }) => item.id))

    const posted = await caller.call('POST', '/Tickets/query', query)
    const wrongVerb = await caller.callUrl('GET', posted.body.pageDetails.nextPageUrl)
    expect(wrongVerb.status).toBe(405)
    expect(wrongVerb.body).toEqual({ Message: "The requested resource does not support http method 'GET'." })
  })

  it('uses maxRecords as the page size and refuses values beyond 1..500', async () => {
    const small = await caller.call('POST', '/Tickets/query', { ...query, MaxRecords: 100 })
    expect(small.body.pageDetails).toMatchObject({ count: 100, requestCount: 100, prevPageUrl: null })
    expect(small.body.pageDetails.nextPageUrl).not.toBeNull()
    for (const maxRecords of [0, 501]) {
      const refused = await caller.call('POST', '/Tickets/query', { ...query, maxRecords })
      expect(refused).toMatchObject({ status: 500, body: { errors: ['maxCountOfRecordsToReturn must be between 1 and 500'] } })
    }
  })

  it('returns only includeFields (plus userDefinedFields), and insists on id when paging', async () => {
    const answer = await caller.call('POST', '/Tickets/query', {
      filter: [{ op: 'eq', field: 'title', value: `${marker} 7` }],
      includeFields: ['Id', 'title', 'External Reference'],
    })
    expect(answer.body.items).toEqual([
      { id: expect.any(Number), title: `${marker} 7`, userDefinedFields: [{ name: 'External Reference', value: null }] },
    ])
    const withoutId = await caller.call('POST', '/Tickets/query', { ...query, includeFields: ['title'] })
    expect(withoutId.status).toBe(500)
    expect(withoutId.body.errors[0]).toContain('includeFields must contain id')
  })

  it('answers unreadable queries and unknown include fields with HTTP 500', async () => {
    expect((await caller.call('GET', '/Tickets/query?search=%7Bnot-json')).body).toEqual({ errors: ['The search parameter is not valid JSON.'] })
    const unknownInclude = await caller.call('POST', '/Tickets/query', { ...query, includeFields: ['id', 'ticketNumbr'] })
    expect(unknownInclude).toMatchObject({ status: 500, body: { errors: ['Unable to find ticketNumbr in the Ticket Entity'] } })
  })

  it('requires a filter, and lists every row with id gte 0', async () => {
    const refused = await caller.call('POST', '/Tickets/query', { filter: [] })
    expect(refused.status).toBe(500)
    const all = await caller.call('POST', '/Tickets/query/count', { filter: [{ op: 'gte', field: 'id', value: 0 }] })
    expect(all.body.queryCount).toBe(simulator.state.count('Tickets'))
  })

  it('lists a parent’s children, paging on through the root query', async () => {
    const company = simulator.state.rows('Companies')[1]!
    const contacts = await caller.call('GET', `/Companies/${company.id}/Contacts`)
    expect(contacts.status).toBe(200)
    expect(contacts.body.items.length).toBe(simulator.state.rows('Contacts').filter((contact) => contact.companyID === company.id).length)
    expect(contacts.body.items.every((contact: { companyID: number }) => contact.companyID === company.id)).toBe(true)
    expect(contacts.body.pageDetails.nextPageUrl).toBeNull()
  })
})
