/**
 * A comment that moves its ticket (`ticketStatus`): RT takes `Status` on the message itself, so
 * the status costs no request of its own, through REST2 and REST 1.0. RT records the message,
 * then the status change (a reply opens a new ticket first); a status RT refuses is a warning,
 * the comment written all the same. Requests are counted on the wire (the transport's log).
 * Proven on the simulator and on the real RT (RT_URL, RT_TOKEN, RT_USER, RT_PASSWORD).
 */
import { type TicketingAdapterV1, ValidationError } from '@ticketbridge/core'
import type { LogFields, TransportLogger } from '@ticketbridge/http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RtClient } from '../client/rt-client'
import { createRtSimulator } from '../simulator/index'
import { createRtAdapter } from './rt-adapter'

const environment = process.env
const retry = { maxRetries: 1, baseDelayMs: 10 }
const marker = `tb-comment-status-${Date.now().toString(36)}`

interface Server {
  name: string
  /** Why the server cannot be used here, if it cannot. */
  unavailable?: string
  start(): Promise<{ baseUrl: string; token: string; user: string; password: string; close(): Promise<void> }>
}

const realRtSettings = ['RT_URL', 'RT_TOKEN', 'RT_USER', 'RT_PASSWORD'].filter((name) => !environment[name])

const servers: Server[] = [
  {
    name: 'the simulator',
    async start() {
      const simulator = createRtSimulator()
      const served = await simulator.serve()
      const { token, user, password } = simulator.credentials
      return { baseUrl: served.url, token, user, password, close: () => served.close() }
    },
  },
  {
    name: 'the real RT',
    ...(realRtSettings.length > 0 ? { unavailable: `${realRtSettings.join(', ')} unset` } : {}),
    start: async () => ({
      baseUrl: environment.RT_URL!,
      token: environment.RT_TOKEN!,
      user: environment.RT_USER!,
      password: environment.RT_PASSWORD!,
      close: async () => {},
    }),
  },
]

/** Every request the adapter sends, as `METHOD /path`, from the transport's debug log. */
function wireLog(): { logger: TransportLogger; requests: string[] } {
  const requests: string[] = []
  const ignore = () => {}
  const debug = (message: string, fields?: LogFields) => {
    if (message !== 'http request' || !fields) return
    requests.push(`${String(fields.method).toUpperCase()} ${new URL(String(fields.url)).pathname}`)
  }
  return { logger: { debug, info: ignore, warn: ignore, error: ignore }, requests }
}

for (const server of servers) {
  for (const api of ['rest2', 'rest1'] as const) {
    const title = `RT comments that move their ticket (${api}, ${server.name})${server.unavailable ? ` — skipped: ${server.unavailable}` : ''}`
    describe.skipIf(server.unavailable !== undefined)(title, { timeout: 120_000 }, () => {
      const wire = wireLog()
      const root = api === 'rest2' ? '/REST/2.0' : '/REST/1.0'
      let adapter: TicketingAdapterV1
      let reader: TicketingAdapterV1
      let client: RtClient
      let close: () => Promise<void>

      /** The requests `run` sent. */
      async function counted<T>(run: () => Promise<T>): Promise<{ result: T; requests: string[] }> {
        const before = wire.requests.length
        const result = await run()
        return { result, requests: wire.requests.slice(before) }
      }

      const newTicket = async (subject: string) =>
        (await adapter.tickets.create({ subject: `${marker} ${subject}`, description: { text: 'The printer on floor 2 jams.' } })).record

      beforeAll(async () => {
        const started = await server.start()
        close = started.close
        // REST2 with a token, REST 1.0 with a password (a session cookie).
        const auth = api === 'rest2' ? { token: started.token } : { username: started.user, password: started.password }
        adapter = createRtAdapter({ api, baseUrl: started.baseUrl, auth, retry, logger: wire.logger, logLevel: 'debug' })
        reader = createRtAdapter({ api, baseUrl: started.baseUrl, auth, retry })
        client = new RtClient({ baseUrl: started.baseUrl, auth: { token: started.token }, retry })
        // What a migration reads once before it writes (the queues and their lifecycles among them).
        await adapter.lookups.statuses()
      })
      afterAll(async () => {
        await adapter?.close()
        await reader?.close()
        await client?.close()
        await close?.()
      })

      it('sets the status with the comment, in the request that writes the comment', async () => {
        const ticket = await newTicket('resolved by its last comment')
        const note = (text: string, ticketStatus?: { id: string }) => ({
          ticketId: ticket.id,
          input: { body: { text }, visibility: 'internal' as const, ...(ticketStatus ? { ticketStatus } : {}) },
        })
        const plain = await counted(() => adapter.comments.createMany!([note('Looking into it.')]))
        const moving = await counted(() => adapter.comments.createMany!([note('Fixed: closing.', { id: 'resolved' })]))

        const [item] = moving.result
        expect(item?.ok).toBe(true)
        expect(item?.ok && item.warnings.filter((warning) => warning.field === 'ticketStatus')).toEqual([])
        // Exactly one write, and nothing more than a comment without a status costs (REST 1.0 reads the short history for the new id).
        const commentPath = `${root}/ticket/${ticket.id}/comment`
        expect(moving.requests).toEqual(plain.requests)
        expect(moving.requests).toEqual(
          api === 'rest2' ? [`POST ${commentPath}`] : [`POST ${commentPath}`, `GET ${root}/ticket/${ticket.id}/history`],
        )

        const after = await reader.tickets.get(ticket.id)
        expect(after.status).toMatchObject({ id: 'resolved', category: 'resolved' })
        const comments = await reader.comments.list(ticket.id).toArray({ limit: 10 })
        expect(comments.map((comment) => comment.body.text.trim())).toEqual(['Looking into it.', 'Fixed: closing.'])
      })

      it('records the reply, RT opening the new ticket, then the status asked for', async () => {
        const ticket = await newTicket('stalled by a reply')
        expect(ticket.status.id).toBe('new')
        const { result, requests } = await counted(() =>
          adapter.comments.create(ticket.id, {
            body: { text: 'Waiting for the vendor.' },
            visibility: 'public',
            ticketStatus: { category: 'pending' },
          }),
        )
        expect(result.warnings.filter((warning) => warning.field === 'ticketStatus')).toEqual([])
        expect(result.record.visibility).toBe('public')
        // REST 1.0 posts replies to `comment` too, with `Action: correspond`.
        const reply = api === 'rest2' ? 'correspond' : 'comment'
        expect(requests.filter((request) => request.startsWith('POST'))).toEqual([`POST ${root}/ticket/${ticket.id}/${reply}`])
        expect((await reader.tickets.get(ticket.id)).status.id).toBe('stalled')

        const history = await client.rest2.getTicketHistory(ticket.id, { orderBy: 'id', perPage: 100, fields: ['Type', 'OldValue', 'NewValue'] })
        const steps = history.items
          .filter((transaction) => ['Correspond', 'Status'].includes(String(transaction.Type)))
          .map((transaction) => (transaction.Type === 'Status' ? `${transaction.OldValue} → ${transaction.NewValue}` : transaction.Type))
        expect(steps).toEqual(['Correspond', 'new → open', 'open → stalled'])
      })

      it('writes the comment where RT refuses the status, and says why', async () => {
        const blocker = await newTicket('blocker')
        const ticket = await newTicket('blocked')
        await client.rest2.updateTicketLinks(ticket.id, { AddDependsOn: [blocker.id] })
        const { result } = await counted(() =>
          adapter.comments.create(ticket.id, { body: { text: 'Trying to close.' }, visibility: 'internal', ticketStatus: { id: 'resolved' } }),
        )
        const warnings = result.warnings.filter((warning) => warning.field === 'ticketStatus')
        expect(warnings).toHaveLength(1)
        expect(warnings[0]?.message).toMatch(/unresolved dependencies/)
        expect((await reader.tickets.get(ticket.id)).status.id).toBe('new')
        const comments = await reader.comments.list(ticket.id).toArray({ limit: 10 })
        expect(comments.map((comment) => comment.body.text.trim())).toEqual(['Trying to close.'])
      })

      it('takes the status the ticket is in already as set', async () => {
        const ticket = await newTicket('already new')
        const { result } = await counted(() =>
          adapter.comments.create(ticket.id, { body: { text: 'Still new.' }, visibility: 'internal', ticketStatus: { id: 'new' } }),
        )
        expect(result.warnings.filter((warning) => warning.field === 'ticketStatus')).toEqual([])
        expect((await reader.tickets.get(ticket.id)).status.id).toBe('new')
      })

      it("refuses a status outside the queue's lifecycle before writing where the lifecycle is known, else reports RT's refusal", async () => {
        const ticket = await newTicket('unknown status')
        const lifecycles = await adapter.lookups.ticketTypes()
        const before = wire.requests.length
        const attempt = adapter.comments.create(ticket.id, { body: { text: 'Odd status.' }, visibility: 'internal', ticketStatus: { id: 'bogus' } })
        if (api === 'rest2' && lifecycles.length === 1) {
          await expect(attempt).rejects.toSatisfy((error) => ValidationError.isInstance(error))
          expect(wire.requests.slice(before)).toEqual([])
          return
        }
        const result = await attempt
        expect(result.warnings.find((warning) => warning.field === 'ticketStatus')?.message).toMatch(/isn't a valid status/)
        expect((await reader.tickets.get(ticket.id)).status.id).toBe('new')
      })
    })
  }
}
