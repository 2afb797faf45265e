import type { Ticket } from '@ticketbridge/core'
import { daylightSavingChanges, daylightSavingInstants, instantAfter, useMachineTimeZone } from '@ticketbridge/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHaloSimulator, type HaloServedSimulator, type HaloSimulator } from '../simulator/index'
import { createHaloAdapter, type HaloAdapter } from './halo-adapter'

/**
 * Halo writes UTC without a zone, which JavaScript would read in the machine's zone: these cases
 * run the adapter on the simulator with the process in New York and in Auckland, at instants on
 * both sides of 2026's daylight-saving changes and at UTC wall-clock times a local reading would
 * move (skipped or repeated there), and expect every instant back as it went in.
 */
const instants = daylightSavingInstants
const changes = daylightSavingChanges
const later = instantAfter

describe.each(Object.keys(changes))('Halo dates with the machine in %s', (zone) => {
  useMachineTimeZone(zone)
  let now = Date.parse(instants[0]!)
  let simulator: HaloSimulator
  let server: HaloServedSimulator
  let adapter: HaloAdapter
  const marker = `tz-${zone.replace(/\W/g, '-')}`
  const tickets: Ticket[] = []

  beforeAll(async () => {
    // Records are stamped with the simulator's clock, set by each case to the instant it needs.
    simulator = createHaloSimulator({ rateLimit: false, clock: { now: () => now }, tokenLifetimeSeconds: 400 * 86_400 })
    server = await simulator.serve()
    const { credentials } = simulator
    adapter = createHaloAdapter({
      resourceUrl: server.resourceUrl,
      authUrl: server.authUrl,
      ...(credentials.tenant !== undefined ? { tenant: credentials.tenant } : {}),
      clientId: credentials.clientId,
      clientSecret: credentials.clientSecret,
      rateLimit: { requests: 100_000, key: `halo:${marker}` },
      retry: { maxRetries: 1, baseDelayMs: 5, maxDelayMs: 20 },
    })
    for (const [index, instant] of instants.entries()) {
      now = Date.parse(instant)
      const { record } = await adapter.tickets.create({
        subject: `${marker} ${index}`,
        description: { text: instant },
        dueAt: later(instant, 3_600_000),
      })
      tickets.push(record)
    }
  })

  afterAll(async () => {
    await adapter.close()
    await server.close()
  })

  it('has instants on both sides of each of the zone’s changes', () => {
    for (const [before, after] of changes[zone]!) {
      expect(new Date(before).getTimezoneOffset()).not.toBe(new Date(after).getTimezoneOffset())
    }
  })

  it('stamps, reads and lists tickets at the instants they were created, with their due dates', async () => {
    const expected = instants.map((instant) => [instant, instant, later(instant, 3_600_000)])
    const dates = (ticket: Ticket) => [ticket.createdAt, ticket.updatedAt, ticket.dueAt]
    expect(tickets.map(dates)).toEqual(expected)
    const read = await Promise.all(tickets.map((ticket) => adapter.tickets.get(ticket.id)))
    expect(read.map(dates)).toEqual(expected)
    // List rows are abbreviated (no deadlinedate): the created and updated instants are compared.
    const listed = await adapter.tickets.list({ text: marker }).toArray({ limit: 100 })
    expect(listed.map((ticket) => [ticket.id, ticket.createdAt, ticket.updatedAt])).toEqual(
      tickets.map((ticket, index) => [ticket.id, instants[index], instants[index]]),
    )
    // Stored as Halo writes it: the UTC wall clock, no zone.
    const stored = simulator.state.tickets.get(Number(tickets[0]!.id))
    expect([stored?.dateoccurred, stored?.deadlinedate]).toEqual(['2026-03-08T02:30:00', '2026-03-08T03:30:00'])
  })

  it('keeps a creation time sent as Halo’s own dateoccurred', async () => {
    now = Date.parse('2026-12-01T00:00:00.000Z')
    for (const instant of ['2026-04-05T02:30:00.000Z', '2026-09-27T02:30:00.000Z']) {
      const { record } = await adapter.tickets.create({
        subject: `${zone} backdated`,
        description: { text: instant },
        vendorOptions: { halo: { dateoccurred: instant } },
      })
      expect(record.createdAt).toBe(instant)
      expect((await adapter.tickets.get(record.id)).createdAt).toBe(instant)
    }
  })

  it('filters on updatedSince and createdSince right at the instants around each change', async () => {
    for (const [index, instant] of instants.entries()) {
      const fromHere = tickets.slice(index).map((ticket) => ticket.id)
      const afterHere = tickets.slice(index + 1).map((ticket) => ticket.id)
      for (const filter of ['updatedSince', 'createdSince'] as const) {
        const atInstant = await adapter.tickets.list({ text: marker, [filter]: instant }).toArray({ limit: 100 })
        expect(atInstant.map((ticket) => ticket.id)).toEqual(fromHere)
        const justAfter = await adapter.tickets.list({ text: marker, [filter]: later(instant, 1) }).toArray({ limit: 100 })
        expect(justAfter.map((ticket) => ticket.id)).toEqual(afterHere)
      }
      // createdSince runs in Halo, sent as Halo reads dates: the UTC wall clock, no zone.
      const sent = server.requests.filter((request) => request.method === 'GET' && new URL(request.url).pathname === '/api/Tickets').at(-1)
      expect(new URL(sent!.url).searchParams.get('startdate')).toBe(later(instant, 1).slice(0, -1))
    }
  })

  it('lists the most recently updated first across the changes', async () => {
    const listed = await adapter.tickets.list({ text: marker, order: 'recently-updated-first', updatedSince: instants[0]! }).toArray({ limit: 100 })
    expect(listed.map((ticket) => ticket.updatedAt)).toEqual([...instants].reverse())
  })

  it('stamps comments at the instants they were written, read back in order', async () => {
    now = Date.parse(instants[0]!)
    const { record: ticket } = await adapter.tickets.create({ subject: `${zone} comments`, description: { text: 'Comments across the changes' } })
    const created = []
    for (const instant of instants) {
      now = Date.parse(instant)
      created.push((await adapter.comments.create(ticket.id, { body: { text: instant }, visibility: 'public' })).record)
    }
    expect(created.map((comment) => comment.createdAt)).toEqual(instants)
    const listed = await adapter.comments.list(ticket.id).toArray({ limit: 100 })
    expect(listed.filter((comment) => comment.body.text !== '').map((comment) => [comment.body.text, comment.createdAt])).toEqual(
      instants.map((instant) => [instant, instant]),
    )
    // A comment is a change of its ticket.
    expect((await adapter.tickets.get(ticket.id)).updatedAt).toBe(instants.at(-1))
  })

  it('writes time entries from their start for as many minutes as worked, across a change', async () => {
    now = Date.parse('2026-12-01T00:00:00.000Z')
    const { record: ticket } = await adapter.tickets.create({ subject: `${zone} time`, description: { text: 'Time across the changes' } })
    for (const instant of instants) {
      // 90 minutes from 30 minutes before: the wall clock jumps or repeats an hour meanwhile.
      const startedAt = later(instant, -30 * 60_000)
      const { record } = await adapter.timeEntries.create(ticket.id, { minutes: 90, startedAt, note: instant })
      expect(record.startedAt).toBe(startedAt)
      const action = await adapter.client.actions.get(Number(ticket.id), Number(record.id))
      expect(action.actionarrivaldate).toBe(startedAt.replace(/\.?0*Z$/, ''))
      expect(Date.parse(`${action.actioncompletiondate}Z`) - Date.parse(`${action.actionarrivaldate}Z`)).toBe(90 * 60_000)
    }
    const listed = await adapter.timeEntries.list(ticket.id).toArray({ limit: 100 })
    expect(listed.map((entry) => [entry.note, entry.minutes])).toEqual(instants.map((instant) => [instant, 90]))
  })
})
