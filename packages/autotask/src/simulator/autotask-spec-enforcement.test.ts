import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAutotaskSimulator, type AutotaskServedSimulator, type AutotaskSimulator } from './index'
import { createTestCaller, type AutotaskTestCaller } from './test-support/autotask-test-caller'

async function start(strictSpec: boolean): Promise<{ simulator: AutotaskSimulator; served: AutotaskServedSimulator; caller: AutotaskTestCaller }> {
  const simulator = createAutotaskSimulator({ strictSpec, seed: 10 })
  const served = await simulator.serve()
  return { simulator, served, caller: createTestCaller(served.url, simulator.credentials) }
}

describe('Autotask simulator: spec enforcement', () => {
  let strict: Awaited<ReturnType<typeof start>>
  let lenient: Awaited<ReturnType<typeof start>>
  beforeAll(async () => {
    strict = await start(true)
    lenient = await start(false)
  })
  afterAll(async () => {
    await strict.served.close()
    await lenient.served.close()
  })

  it('refuses a misspelled body property in strict mode and records it; lenient mode ignores it like Autotask', async () => {
    const ticket = strict.simulator.state.rows('Tickets')[0]!
    const refused = await strict.caller.call('PATCH', '/Tickets', { id: ticket.id, stauts: 5 })
    expect(refused.status).toBe(500)
    expect(refused.body.errors[0]).toContain("'stauts' is not a property of TicketModel")
    expect(strict.simulator.specViolations).toContainEqual(
      expect.objectContaining({ kind: 'unknown-body-property', name: 'stauts', template: '/V1.0/Tickets' }),
    )
    expect(strict.simulator.state.get('Tickets', ticket.id)!.status).toBe(ticket.status)

    const other = lenient.simulator.state.rows('Tickets')[0]!
    expect((await lenient.caller.call('PATCH', '/Tickets', { id: other.id, stauts: 5 })).status).toBe(200)
    expect(lenient.simulator.specViolations).toContainEqual(expect.objectContaining({ kind: 'unknown-body-property', name: 'stauts' }))
  })

  it('answers a misspelled filter field with Autotask’s HTTP 500 in both modes', async () => {
    for (const { caller } of [strict, lenient]) {
      const answer = await caller.call('POST', '/Tickets/query', { filter: [{ op: 'eq', field: 'titel', value: 'x' }] })
      expect(answer).toMatchObject({ status: 500, body: { errors: [expect.stringContaining('titel')] } })
    }
    const answer = await lenient.caller.call('POST', '/Tickets/query', { filter: [{ op: 'eq', field: 'titel', value: 'x' }] })
    expect(answer.body.errors).toEqual(['Unable to find titel in the Ticket Entity'])
  })

  it('refuses a misspelled operator in strict mode; lenient mode drops the condition like Autotask', async () => {
    const body = {
      filter: [
        { op: 'gte', field: 'id', value: 0 },
        { op: 'ne', field: 'status', value: 5 },
      ],
    }
    const refused = await strict.caller.call('POST', '/Tickets/query/count', body)
    expect(refused.status).toBe(500)
    expect(refused.body.errors[0]).toContain("'ne'")
    const dropped = await lenient.caller.call('POST', '/Tickets/query/count', body)
    expect(dropped.body.queryCount).toBe(lenient.simulator.state.count('Tickets'))
  })

  it('refuses an unknown query parameter in strict mode with 400', async () => {
    const search = encodeURIComponent(JSON.stringify({ filter: [{ op: 'gte', field: 'id', value: 0 }] }))
    const refused = await strict.caller.call('GET', `/Tickets/query?search=${search}&pageSize=10`)
    expect(refused.status).toBe(400)
    expect(refused.body.errors[0]).toContain("'pageSize'")
    expect((await lenient.caller.call('GET', `/Tickets/query?search=${search}&pageSize=10`)).status).toBe(200)
  })

  it('answers paths and verbs outside the spec as ASP.NET does: 404 and 405', async () => {
    const wrongPath = await strict.caller.call('GET', '/Ticket/query')
    expect(wrongPath.status).toBe(404)
    expect(wrongPath.body.Message).toContain('No HTTP resource was found')
    const wrongVerb = await strict.caller.call('PATCH', '/Tickets/5', { status: 5 })
    expect(wrongVerb).toMatchObject({ status: 405, body: { Message: "The requested resource does not support http method 'PATCH'." } })
    expect(strict.simulator.specViolations).toContainEqual(expect.objectContaining({ kind: 'unknown-method', template: '/V1.0/Tickets/{id}' }))
  })

  it('answers spec routes it does not simulate with 501, and spec entities it does not model as empty tenants', async () => {
    const notSimulated = await strict.caller.call('GET', '/Invoices/1/InvoiceMarkupHtml')
    expect(notSimulated.status).toBe(501)
    const empty = await strict.caller.call('POST', '/Opportunities/query', { filter: [{ op: 'gte', field: 'id', value: 0 }] })
    expect(empty.body).toEqual({ items: [], pageDetails: { count: 0, requestCount: 500, prevPageUrl: null, nextPageUrl: null } })
  })
})
