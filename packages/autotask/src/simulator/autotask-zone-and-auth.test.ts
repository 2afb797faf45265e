import { createMockServer } from '@ticketbridge/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAutotaskSimulator, type AutotaskServedSimulator } from './index'
import { createTestCaller, readAnswer } from './test-support/autotask-test-caller'

describe('Autotask simulator: zone discovery and credentials', () => {
  const simulator = createAutotaskSimulator({
    users: [
      { username: 'tech.ui.user@ticketbridge.example', secret: 'ui-secret', access: 'ui-only' },
      { username: 'reader.api@ticketbridge.example', secret: 'reader-secret', access: 'read-only' },
    ],
  })
  let served: AutotaskServedSimulator
  beforeAll(async () => {
    served = await simulator.serve()
  })
  afterAll(() => served.close())

  it('answers zone discovery without credentials, pointing at its own origin', async () => {
    const answer = await readAnswer(await fetch(`${served.zoneDiscoveryUrl}?user=${encodeURIComponent(simulator.credentials.username)}`))
    expect(answer.status).toBe(200)
    expect(answer.body).toEqual({ zoneName: expect.any(String), url: `${served.url}/ATServicesRest/`, webUrl: `${served.url}/`, ci: 29683100 })
    expect(served.zoneUrl).toBe(answer.body.url)
    // The zone's REST base works with the documented `url + "V1.0/"` concatenation.
    const caller = createTestCaller(served.url, simulator.credentials)
    const version = await caller.callUrl('GET', `${answer.body.url}V1.0/Version`)
    expect(version.status).toBe(200)
  })

  it('answers an unknown user with HTTP 500 "Zone information could not be determined"', async () => {
    const answer = await readAnswer(await fetch(`${served.zoneDiscoveryUrl}?user=nobody%40example.com`))
    expect(answer).toMatchObject({ status: 500, body: { errors: ['Zone information could not be determined'] } })
  })

  it('refuses a bad username with 500, a bad secret with 401 and a bad integration code with 500', async () => {
    const good = simulator.credentials
    const badUser = await createTestCaller(served.url, { ...good, username: 'unknown@example.com' }).call('GET', '/Tickets/entityInformation')
    expect(badUser).toMatchObject({ status: 500, body: { errors: ['Zone information could not be determined'] } })
    const badSecret = await createTestCaller(served.url, { ...good, secret: 'wrong' }).call('GET', '/Tickets/entityInformation')
    expect(badSecret.status).toBe(401)
    expect(badSecret.body).toBe('')
    const badCode = await createTestCaller(served.url, { ...good, integrationCode: 'NOTACODE' }).call('GET', '/Tickets/entityInformation')
    expect(badCode).toMatchObject({ status: 500, body: { errors: ['IntegrationCode is invalid.'] } })
    const none = await readAnswer(await fetch(`${served.url}/ATServicesRest/V1.0/Tickets/entityInformation`))
    expect(none.status).toBe(401)
  })

  it('reads credential headers whatever their casing', async () => {
    const response = await fetch(`${served.url}/ATServicesRest/V1.0/Tickets/entityInformation`, {
      headers: {
        apiintegrationcode: simulator.credentials.integrationCode,
        USERNAME: simulator.credentials.username,
        secret: simulator.credentials.secret,
      },
    })
    expect(response.status).toBe(200)
  })

  it('lets a UI-only user discover its zone but answers every call 401', async () => {
    const zone = await fetch(`${served.zoneDiscoveryUrl}?user=tech.ui.user%40ticketbridge.example`)
    expect(zone.status).toBe(200)
    const caller = createTestCaller(served.url, { ...simulator.credentials, username: 'tech.ui.user@ticketbridge.example', secret: 'ui-secret' })
    expect((await caller.call('GET', '/Tickets/entityInformation')).status).toBe(401)
  })

  it('lets a read-only API user read but not write', async () => {
    const caller = createTestCaller(served.url, { ...simulator.credentials, username: 'reader.api@ticketbridge.example', secret: 'reader-secret' })
    const read = await caller.call('POST', '/Companies/query', { filter: [{ op: 'eq', field: 'id', value: 0 }] })
    expect(read.status).toBe(200)
    const info = await caller.call('GET', '/Tickets/entityInformation')
    expect(info.body.info).toMatchObject({ canCreate: true, userAccessForCreate: 'None', userAccessForQuery: 'All' })
    const write = await caller.call('POST', '/Tickets', { companyID: 0, title: 'x', status: 1, priority: 2, queueID: 29682833 })
    expect(write.status).toBe(403)
    expect(write.body.errors[0]).toContain('adequate permissions')
  })
})

describe('Autotask simulator: msw interception on any origin', () => {
  it('answers a real zone host in-process and points the zone at it', async () => {
    const simulator = createAutotaskSimulator()
    const mock = createMockServer(simulator.handlers)
    try {
      const zone = await readAnswer(
        await fetch(
          `https://webservices.autotask.net/atservicesrest/v1.0/zoneInformation?user=${encodeURIComponent(simulator.credentials.username)}`,
        ),
      )
      expect(zone.body.url).toBe('https://webservices.autotask.net/ATServicesRest/')
      const caller = createTestCaller('https://webservices14.autotask.net', simulator.credentials)
      const companies = await caller.call('POST', '/Companies/query', { filter: [{ op: 'eq', field: 'id', value: 0 }] })
      expect(companies.body.items[0]).toMatchObject({ id: 0, companyName: 'Simulated MSP Ltd' })
      // Another casing of the literal segments works (ASP.NET ignores case) but is noted as a warning.
      expect(simulator.specViolations).toEqual([expect.objectContaining({ kind: 'path-casing', severity: 'warning' })])
    } finally {
      mock.close()
    }
  })
})
