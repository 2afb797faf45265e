import type { Ticket } from '@ticketbridge/core'
import { daylightSavingChanges, daylightSavingInstants, instantAfter, useMachineTimeZone } from '@ticketbridge/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AutotaskServedSimulator, type AutotaskSimulator, createAutotaskSimulator } from '../simulator'
import { createAutotaskAdapter } from './autotask-adapter'

/**
 * Autotask answers UTC (autotask.md §14): these cases run the adapter on the simulator with the
 * process in New York and in Auckland, at instants on both sides of 2026's daylight-saving
 * changes and at UTC wall-clock times a local reading would move (skipped or repeated there), and
 * expect every instant back as it went in.
 */
const instants = daylightSavingInstants
const changes = daylightSavingChanges
const later = instantAfter

/** A technician of the simulated tenant, who logs the time entries. */
const technicianResourceId = 29682833

describe.each(Object.keys(changes))('Autotask dates with the machine in %s', (zone) => {
  useMachineTimeZone(zone)
  let now = Date.parse(instants[0]!)
  let simulator: AutotaskSimulator
  let served: AutotaskServedSimulator
  let adapter: ReturnType<typeof createAutotaskAdapter>
  const marker = `tz-${zone.replace(/\W/g, '-')}`
  const tickets: Ticket[] = []

  beforeAll(async () => {
    // Records are stamped with the simulator's clock, set by each case to the instant it needs.
    simulator = createAutotaskSimulator({ clock: { now: () => now } })
    served = await simulator.serve()
    adapter = createAutotaskAdapter({
      ...simulator.credentials,
      zoneDiscoveryUrl: served.zoneDiscoveryUrl,
      thresholdResyncIntervalMs: 0,
      retry: { maxRetries: 1, baseDelayMs: 1 },
      timeEntryResourceId: technicianResourceId,
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
    await served.close()
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
    const listed = await adapter.tickets.list({ text: marker }).toArray({ limit: 100 })
    expect(listed.map((ticket) => [ticket.id, ...dates(ticket)])).toEqual(tickets.map((ticket, index) => [ticket.id, ...expected[index]!]))
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
    }
  })

  it('refuses to list most recently updated first: Autotask’s query cannot sort', () => {
    expect(() => adapter.tickets.list({ order: 'recently-updated-first' })).toThrow(/does not support tickets\.list\(order: recently-updated-first\)/)
  })

  it('stamps notes at the instants they were written, read back in order', async () => {
    now = Date.parse(instants[0]!)
    const { record: ticket } = await adapter.tickets.create({ subject: `${zone} notes`, description: { text: 'Notes across the changes' } })
    const created = []
    for (const instant of instants) {
      now = Date.parse(instant)
      created.push((await adapter.comments.create(ticket.id, { body: { text: instant }, visibility: 'public' })).record)
    }
    expect(created.map((comment) => comment.createdAt)).toEqual(instants)
    const listed = await adapter.comments.list(ticket.id).toArray({ limit: 100 })
    expect(listed.map((comment) => [comment.body.text, comment.createdAt])).toEqual(instants.map((instant) => [instant, instant]))
    // A note is activity on its ticket.
    expect((await adapter.tickets.get(ticket.id)).updatedAt).toBe(instants.at(-1))
  })

  it('logs time entries from their start for as many minutes as worked, on the start’s UTC day', async () => {
    now = Date.parse('2026-12-01T00:00:00.000Z')
    const { record: ticket } = await adapter.tickets.create({ subject: `${zone} time`, description: { text: 'Time across the changes' } })
    const startedAt = instants.map((instant) => later(instant, -30 * 60_000))
    for (const [index, start] of startedAt.entries()) {
      // 90 minutes from 30 minutes before: the wall clock jumps or repeats an hour meanwhile.
      const { record } = await adapter.timeEntries.create(ticket.id, { minutes: 90, startedAt: start, note: instants[index]! })
      expect(record).toMatchObject({ startedAt: start, minutes: 90 })
      const stored = simulator.state.get('TimeEntries', Number(record.id))!
      expect(Date.parse(String(stored.endDateTime)) - Date.parse(String(stored.startDateTime))).toBe(90 * 60_000)
      expect(stored.dateWorked).toBe(`${start.slice(0, 10)}T00:00:00Z`)
    }
    const listed = await adapter.timeEntries.list(ticket.id).toArray({ limit: 100 })
    expect(listed.map((entry) => [entry.note, entry.startedAt, entry.minutes])).toEqual(
      instants.map((instant, index) => [instant, startedAt[index], 90]),
    )
  })
})
