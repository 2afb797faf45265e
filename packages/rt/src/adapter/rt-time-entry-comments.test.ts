/**
 * Time worked recorded on comments: an RT comment or reply with `TimeTaken` is both a comment and
 * a time entry, and the time entry names the comment by the id `comments.list` gives it. Proven
 * through both APIs against the simulator, and against the real RT when RT_URL is set.
 */
import type { TicketingAdapterV1 } from '@ticketbridge/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RtClient } from '../client/rt-client'
import { createRtSimulator, type RtServedSimulator } from '../simulator/index'
import { createRtAdapter } from './rt-adapter'

const environment = process.env
const retry = { maxRetries: 1, baseDelayMs: 10 }

interface Server {
  name: string
  start(): Promise<{ baseUrl: string; token: string; close(): Promise<void> }>
}

const servers: Server[] = [
  {
    name: 'the simulator',
    async start() {
      const simulator = createRtSimulator()
      const served: RtServedSimulator = await simulator.serve()
      return { baseUrl: served.url, token: simulator.credentials.token, close: () => served.close() }
    },
  },
  ...(environment.RT_URL
    ? [{ name: 'the real RT', start: async () => ({ baseUrl: environment.RT_URL!, token: environment.RT_TOKEN!, close: async () => {} }) }]
    : []),
]

for (const server of servers) {
  for (const api of ['rest2', 'rest1'] as const) {
    describe(`RT time entries on comments (${api}, ${server.name})`, { timeout: 120_000 }, () => {
      let adapter: TicketingAdapterV1
      let client: RtClient
      let close: () => Promise<void>

      beforeAll(async () => {
        const started = await server.start()
        close = started.close
        adapter = createRtAdapter({ api, baseUrl: started.baseUrl, auth: { token: started.token }, retry })
        client = new RtClient({ baseUrl: started.baseUrl, auth: { token: started.token }, retry })
      })
      afterAll(async () => {
        await adapter?.close()
        await client?.close()
        await close?.()
      })

      it('names the comment a time entry was recorded on, by the id comments.list gives it', async () => {
        // Time recorded when the ticket was created sits on the Create transaction: the description, no comment.
        const ticket = await client.rest1.createTicket({
          queue: 'General',
          subject: `Time on comments (${api})`,
          text: 'The printer on floor 2 jams.',
          timeWorked: 20,
        })
        await client.rest1.comment(ticket.id, { action: 'correspond', text: 'Replaced the toner, please try again.', timeWorked: 30 })
        await adapter.comments.create(ticket.id, { body: { text: 'No time on this one.' }, visibility: 'internal' })
        const { record: logged } = await adapter.timeEntries.create(ticket.id, { minutes: 15, note: 'Checked the spooler' })
        expect(logged.commentId).toBe(logged.id)

        const comments = await adapter.comments.list(ticket.id).toArray({ limit: 100 })
        const entries = await adapter.timeEntries.list(ticket.id).toArray({ limit: 100 })
        expect(entries.map(({ minutes, note }) => ({ minutes, note }))).toEqual([
          { minutes: 20, note: undefined },
          { minutes: 30, note: 'Replaced the toner, please try again.' },
          { minutes: 15, note: 'Checked the spooler' },
        ])
        const [created, reply, worked] = entries
        expect(created?.commentId).toBeUndefined()
        expect(comments.map((comment) => comment.id)).not.toContain(created?.id)
        for (const entry of [reply!, worked!]) {
          expect(entry.commentId).toBe(entry.id)
          const comment = comments.find((candidate) => candidate.id === entry.commentId)
          expect(comment?.body.text.trim()).toBe(entry.note)
        }
        expect(worked?.id).toBe(logged.id)
        expect(comments.find((comment) => comment.id === reply!.commentId)?.visibility).toBe('public')
      })

      it('records time worked on a comment written with timeWorkedMinutes: one transaction, both a comment and a time entry', async () => {
        // Through the client: the simulator's REST 1.0 has no queue search, which the adapter's create uses.
        const ticket = await client.rest1.createTicket({ queue: 'General', subject: `Time on a new comment (${api})`, text: 'VPN drops hourly.' })
        const { record: comment, warnings } = await adapter.comments.create(ticket.id, {
          body: { text: 'Updated the VPN client.' },
          visibility: 'public',
          timeWorkedMinutes: 12.4,
        })
        expect(warnings).toContainEqual(expect.objectContaining({ type: 'converted', field: 'minutes' }))
        const entries = await adapter.timeEntries.list(ticket.id).toArray({ limit: 100 })
        expect(entries.map(({ minutes, commentId }) => ({ minutes, commentId }))).toEqual([{ minutes: 12, commentId: comment.id }])
        const comments = await adapter.comments.list(ticket.id).toArray({ limit: 100 })
        expect(comments.filter((listed) => listed.body.text.includes('Updated the VPN client.')).map((listed) => listed.id)).toEqual([comment.id])
      })
    })
  }
}
