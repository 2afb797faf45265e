/**
 * Test support: the time zone round trip the RT adapter must survive on an RT whose server
 * `$Timezone` is America/New_York, given no `timeZone` setting (so the client must find the zone
 * on RT). Run on the simulator (rt-time-zone.test.ts) and on a second real RT
 * (rt-time-zone.real-rt.test.ts) alike.
 *
 * Tickets are written through REST 1.0 and REST2 with due dates on both sides of both 2026 DST
 * changes of New York (8 March, 1 November), by creates and updates, commented on, and read back
 * through both APIs. Creation, update and comment times are RT's own stamps (no API sets
 * `Created` on current RT builds: `capabilities.tickets.setCreatedAt` is false), so those must be
 * the same instants through both APIs and fall in the test's time; due dates must be what was
 * written. Then both APIs list them by `updatedSince` (a TicketSQL date) and newest change first.
 */
import { RtClient } from '../client/rt-client'
import type { TicketingAdapterV1 } from '@ticketbridge/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRtAdapter } from '../adapter/rt-adapter'

/** Where the scenario runs: RT's address and root's credentials. */
export interface RtTimeZoneServer {
  baseUrl: string
  user: string
  password: string
  token: string
  close(): Promise<void>
}

/** Due dates: 01:30 EST and 03:30 EDT on 8 March (clocks go forward at 07:00Z), 01:30 EDT and 01:30 EST on 1 November. */
const dueTimes = ['2026-03-08T06:30:00.000Z', '2026-03-08T07:30:00.000Z', '2026-11-01T05:30:00.000Z', '2026-11-01T06:30:00.000Z']

/**
 * What REST 1.0 reads back: the instant written, except the second 01:30 of 1 November (EST),
 * which RT shows as the same wall time as the first (EDT) and the client reads as the earlier.
 */
function rest1Reads(instant: string): string {
  return instant === '2026-11-01T06:30:00.000Z' ? '2026-11-01T05:30:00.000Z' : instant
}

const retry = { maxRetries: 2, baseDelayMs: 20 }
type Api = 'rest1' | 'rest2'

export function describeRtTimeZoneScenario(title: string, start: () => Promise<RtTimeZoneServer>): void {
  describe(title, { timeout: 120_000 }, () => {
    let server: RtTimeZoneServer | undefined
    const adapters = {} as Record<Api, TicketingAdapterV1 & { client: RtClient }>
    beforeAll(async () => {
      server = await start()
      for (const api of ['rest1', 'rest2'] as const) {
        adapters[api] = createRtAdapter({ api, baseUrl: server.baseUrl, auth: { token: server.token }, retry, environment: {} })
      }
    }, 180_000)
    afterAll(async () => {
      for (const adapter of Object.values(adapters)) await adapter.close()
      await server?.close()
    })

    it("finds the server's zone on RT, with a token and with a password", async () => {
      expect(await adapters.rest1.client.timeZone()).toBe('America/New_York')
      const withPassword = new RtClient({ baseUrl: server!.baseUrl, auth: { username: server!.user, password: server!.password }, environment: {} })
      expect(await withPassword.timeZone()).toBe('America/New_York')
    })

    it('keeps due, creation, update and comment times through REST 1.0 and REST2 across both 2026 DST changes', async () => {
      const marker = `tz-${Date.now().toString(36)}`
      const startedAt = Math.floor(Date.now() / 1000) * 1000 - 1000
      const inTime = (stamp: string) => {
        expect(Date.parse(stamp)).toBeGreaterThanOrEqual(startedAt)
        expect(Date.parse(stamp)).toBeLessThanOrEqual(Date.now() + 1000)
      }
      // Each API writes each instant once, by a create or by an update; creation, update and comment
      // times are now (RT's stamps). RT is slow to write: few writes, side by side.
      const plans = [
        { created: dueTimes[0]!, updated: dueTimes[1]!, comment: false },
        { created: dueTimes[2]!, updated: dueTimes[3]!, comment: true },
      ]
      const written = (['rest1', 'rest2'] as const).flatMap((writer) =>
        plans.map(async ({ created, updated, comment }, index) => {
          const adapter = adapters[writer]
          const { record } = await adapter.tickets.create({
            subject: `${marker} ${writer} ${index}`,
            description: { text: 'time zones' },
            dueAt: created,
          })
          // The create's record is the writer's own reading; both APIs read the update.
          expect(record.dueAt).toBe(writer === 'rest1' ? rest1Reads(created) : created)
          await adapter.tickets.update(record.id, { subject: `${marker} ${writer} ${index} moved`, dueAt: updated })
          const [viaRest1, viaRest2] = await Promise.all([adapters.rest1.tickets.get(record.id), adapters.rest2.tickets.get(record.id)])
          expect(viaRest2.dueAt).toBe(updated)
          expect(viaRest1.dueAt).toBe(rest1Reads(updated))
          expect(viaRest1.createdAt).toBe(viaRest2.createdAt)
          expect(viaRest1.updatedAt).toBe(viaRest2.updatedAt)
          for (const stamp of [viaRest2.createdAt, viaRest2.updatedAt]) inTime(stamp)
          if (comment) {
            const { record: added } = await adapter.comments.create(record.id, { body: { text: 'when?' }, visibility: 'internal' })
            inTime(added.createdAt)
            const lists = await Promise.all(
              (['rest1', 'rest2'] as const).map((reader) => adapters[reader].comments.list(record.id).toArray({ limit: 10 })),
            )
            for (const comments of lists) expect(comments.map((listed) => listed.createdAt)).toEqual([added.createdAt])
          }
          return record.id
        }),
      )
      const ids = await Promise.all(written)
      // TicketSQL date literals are read in the RT user's zone: a UTC bound would start hours late here.
      const since = new Date(startedAt).toISOString()
      const listings = (['rest1', 'rest2'] as const).map(async (api) => {
        const [listed, ordered] = await Promise.all([
          adapters[api].tickets.list({ updatedSince: since, text: marker }).toArray({ limit: 100 }),
          adapters[api].tickets.list({ updatedSince: since, text: marker, order: 'recently-updated-first', pageSize: 2 }).toArray({ limit: 100 }),
        ])
        expect(listed.map((ticket) => ticket.id).sort()).toEqual([...ids].sort())
        const times = ordered.map((ticket) => Date.parse(ticket.updatedAt))
        expect(times).toEqual([...times].sort((left, right) => right - left))
        expect(ordered.length).toBe(ids.length)
      })
      await Promise.all(listings)
    })

    it("reads a user's own zone before the server's", async () => {
      const name = `tz-user-${Date.now().toString(36)}`
      const password = `pw-${Date.now().toString(36)}-secret`
      await adapters.rest2.client.rest2.createUser({ Name: name, Password: password, Privileged: 1, Timezone: 'Pacific/Auckland' })
      const client = new RtClient({ baseUrl: server!.baseUrl, auth: { username: name, password }, environment: {} })
      expect(await client.timeZone()).toBe('Pacific/Auckland')
    })
  })
}
