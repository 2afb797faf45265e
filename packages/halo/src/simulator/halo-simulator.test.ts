import { ConfigurationError } from '@ticketbridge/core'
import { createMockServer } from '@ticketbridge/testkit'
import { afterEach, describe, expect, it } from 'vitest'
import { createHaloSimulator, formatHaloDate, haloEmptyDate } from './index'
import { fetchToken, startHaloTestSession } from './halo-test-session'

describe('Halo simulator: serving and lifecycle', () => {
  it('serves on 127.0.0.1 with resource and auth URLs and a request log', async () => {
    const { server, api } = await startHaloTestSession()
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(server.resourceUrl).toBe(`${server.url}/api`)
    expect(server.authUrl).toBe(`${server.url}/auth`)
    expect(server.port).toBeGreaterThan(0)
    await api('/Status')
    expect(server.requests.map((request) => `${request.method} ${new URL(request.url).pathname}`)).toEqual(['POST /auth/token', 'GET /api/Status'])
  })

  describe('as msw handlers', () => {
    let mock: ReturnType<typeof createMockServer> | undefined
    afterEach(() => mock?.close())

    it('answers any origin in-process', async () => {
      const simulator = createHaloSimulator({ rateLimit: false })
      mock = createMockServer(simulator.handlers)
      const origin = 'https://acme.halopsa.com'
      const token = await fetch(`${origin}/auth/token?tenant=simulated`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: simulator.credentials.clientId,
          client_secret: simulator.credentials.clientSecret,
        }),
      })
      const { access_token: accessToken } = (await token.json()) as { access_token: string }
      const created = await fetch(`${origin}/api/Tickets`, {
        method: 'POST',
        headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify([{ summary: 'intercepted', details: 'by msw' }]),
      })
      expect(created.status).toBe(200)
      expect(simulator.state.tickets.all().map((ticket) => ticket.summary)).toEqual(['intercepted'])
      const discovery = (await (await fetch(`${origin}/api/AuthInfo`)).json()) as { auth_url: string }
      expect(discovery.auth_url).toBe(`${origin}/auth`)
    })
  })

  it('generates the same realistic tickets for the same seed', async () => {
    const first = createHaloSimulator({ seed: 40 })
    const second = createHaloSimulator({ seed: 40 })
    const summaries = (simulator: typeof first) =>
      simulator.state.tickets.all().map((ticket) => [ticket.id, ticket.summary, ticket.status_id, ticket.dateoccurred])
    expect(summaries(first)).toEqual(summaries(second))
    expect(first.state.tickets.size).toBe(40)
    expect(new Set(summaries(first).map((row) => row[1])).size).toBeGreaterThan(4)
    const withHistory = first.state.tickets.all().filter((ticket) => (first.state.actions.get(ticket.id as number)?.length ?? 0) > 1)
    expect(withHistory.length).toBeGreaterThan(10)
    const closed = first.state.tickets.all().filter((ticket) => ticket.hasbeenclosed === true)
    expect(closed.length).toBeGreaterThan(5)
    for (const ticket of closed) expect(ticket.dateclosed).not.toBe(haloEmptyDate)
    expect(first.state.writes).toEqual([])
  })

  it('resets to its seed: tickets, tokens, faults and violations', async () => {
    const { simulator, server, api, json } = await startHaloTestSession({ seed: 5 })
    await json('/Tickets', { method: 'POST', json: [{ summary: 'extra', details: 'x' }] })
    await api('/Tickets?bogus=1')
    simulator.faults.inject({ kind: 'reset', count: 3 })
    simulator.reset()
    expect(simulator.state.tickets.size).toBe(5)
    expect(simulator.specViolations).toEqual([])
    expect(simulator.faults.pending).toBe(0)
    expect((await api('/Status')).status).toBe(401)
    const token = await fetchToken(simulator, server)
    expect((await fetch(`${server.resourceUrl}/Status`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200)
  })

  it('seeds tickets with a marker in one go for paging tests', async () => {
    const simulator = createHaloSimulator()
    await simulator.seedTickets(250, 'MARK-1')
    expect(simulator.state.tickets.size).toBe(250)
    expect(simulator.state.tickets.all().every((ticket) => String(ticket.summary).includes('MARK-1'))).toBe(true)
  })

  it('refuses nonsensical options with a ConfigurationError naming the option', () => {
    const attempts: [Parameters<typeof createHaloSimulator>[0], string][] = [
      [{ seed: -1 }, 'seed'],
      [{ pageSizeCap: 0 }, 'pageSizeCap'],
      [{ rateLimit: { limit: 1.5 } }, 'rateLimit.limit'],
      [{ tenant: 'a b' }, 'tenant'],
    ]
    for (const [options, option] of attempts) {
      let caught: unknown
      try {
        createHaloSimulator(options)
      } catch (error) {
        caught = error
      }
      expect(ConfigurationError.isInstance(caught)).toBe(true)
      expect((caught as ConfigurationError).option).toBe(option)
    }
  })

  it('adds latency to every answer', async () => {
    const { api } = await startHaloTestSession({ latencyMs: 150 })
    const started = performance.now()
    await api('/Status')
    expect(performance.now() - started).toBeGreaterThanOrEqual(140)
  })

  it('writes dates as Halo does: UTC, no Z, no trailing zeros', () => {
    expect(formatHaloDate(Date.UTC(2024, 4, 2, 8, 0, 3, 210))).toBe('2024-05-02T08:00:03.21')
    expect(formatHaloDate(Date.UTC(2024, 4, 1, 13, 12, 44))).toBe('2024-05-01T13:12:44')
    expect(formatHaloDate(Date.UTC(2024, 4, 1, 9, 12, 44, 357))).toBe('2024-05-01T09:12:44.357')
  })
})
