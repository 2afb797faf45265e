import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHaloSimulator, type HaloServedSimulator, type HaloSimulator } from '../simulator/index'
import { createHaloAdapter, type HaloAdapter } from './halo-adapter'

let now = Date.parse('2026-06-01T09:00:00.000Z')
let simulator: HaloSimulator
let server: HaloServedSimulator
let adapter: HaloAdapter
const changed: string[] = []
const changedAt = '2026-06-02T09:00:00.000Z'

beforeAll(async () => {
  simulator = createHaloSimulator({ rateLimit: false, clock: { now: () => now }, tokenLifetimeSeconds: 30 * 86_400 })
  server = await simulator.serve()
  const { credentials } = simulator
  adapter = createHaloAdapter({
    resourceUrl: server.resourceUrl,
    authUrl: server.authUrl,
    ...(credentials.tenant !== undefined ? { tenant: credentials.tenant } : {}),
    clientId: credentials.clientId,
    clientSecret: credentials.clientSecret,
    rateLimit: { requests: 100_000, key: 'halo:order-tests' },
  })
  // 250 tickets a day old, of which 5 change now.
  await simulator.seedTickets(250, 'ordered')
  now = Date.parse(changedAt)
  const ids = simulator.state.tickets
    .all()
    .map((ticket) => String(ticket.id))
    .filter((_, index) => index % 50 === 7)
  for (const id of ids) changed.push((await adapter.tickets.update(id, { subject: `ordered changed ${id}` })).record.id)
})

afterAll(async () => {
  await adapter.close()
  await server.close()
})

/** The GET /Tickets requests sent since `from`. */
function ticketListings(from: number): URL[] {
  return server.requests
    .slice(from)
    .filter((request) => request.method === 'GET')
    .map((request) => new URL(request.url))
    .filter((url) => url.pathname === '/api/Tickets')
}

describe('Halo tickets most recently updated first', () => {
  it('asks Halo to order by last_update, then by id, both newest first', async () => {
    const from = server.requests.length
    const listed = await adapter.tickets.list({ order: 'recently-updated-first' }).toArray({ limit: 1000 })
    expect(listed).toHaveLength(250)
    const times = listed.map((ticket) => Date.parse(ticket.updatedAt))
    expect(times).toEqual([...times].sort((left, right) => right - left))
    expect(listed.slice(0, 5).map((ticket) => ticket.id)).toEqual([...changed].sort((left, right) => Number(right) - Number(left)))
    const [first] = ticketListings(from)
    expect(Object.fromEntries(['order', 'orderdesc', 'order2', 'orderdesc2'].map((name) => [name, first?.searchParams.get(name)]))).toEqual({
      order: 'last_update',
      orderdesc: 'true',
      order2: 'id',
      orderdesc2: 'true',
    })
    expect(simulator.specViolations).toEqual([])
  })

  it('still reads every page with updatedSince, and counts a reply alone as a change', async () => {
    // A Halo build whose action did not move last_update: only lastactiondate is new.
    const quiet = simulator.state.tickets.all().find((ticket) => !changed.includes(String(ticket.id)))!
    simulator.state.tickets.replace({ ...quiet, lastactiondate: '2026-06-02T10:00:00' })
    const from = server.requests.length
    const recent = await adapter.tickets.list({ updatedSince: changedAt, order: 'recently-updated-first' }).toArray({ limit: 1000 })
    expect(recent.map((ticket) => ticket.id).sort()).toEqual([...changed, String(quiet.id)].sort())
    expect(ticketListings(from)).toHaveLength(3)
    simulator.state.tickets.replace(quiet)
  })

  it('pages on to the end when ordered without updatedSince', async () => {
    const from = server.requests.length
    await adapter.tickets.list({ order: 'recently-updated-first' }).toArray({ limit: 1000 })
    expect(ticketListings(from)).toHaveLength(3)
  })
})
