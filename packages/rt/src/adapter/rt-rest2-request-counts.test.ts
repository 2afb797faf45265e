/**
 * What a migration's hot paths cost on the wire over REST2, counted on the simulator's request
 * log: a new ticket is read back with one search (its description is known from what was sent),
 * and a file the adapter listed is downloaded with one request. The records returned must be
 * those a fresh adapter reads, proven on the simulator and, when RT_URL is set, the real RT.
 */
import { listForTickets, NotFoundError, PermissionError, type TicketingAdapterV1 } from '@ticketbridge/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRtSimulator, type RtSimulator, type RtServedSimulator } from '../simulator/index'
import { createRtAdapter } from './rt-adapter'

const environment = process.env
const retry = { maxRetries: 1, baseDelayMs: 10 }
const marker = `tb-counts-${Date.now().toString(36)}`

/** A record without `raw`: the real RT lists a ticket's custom fields in no fixed order. */
function withoutRaw<T extends { raw?: unknown }>(record: T): Omit<T, 'raw'> {
  const { raw: _raw, ...rest } = record
  return rest
}

/** Descriptions RT keeps as sent, and ones it changes (CRLF) or that carry no message. */
const descriptions = [
  { text: 'Printer on floor 2 is jammed.\n\n  Tried twice.  \n' },
  { text: '' },
  { text: 'ignored', html: '<p>Hello <b>world</b> &amp; caf\u00e9</p>\n' },
  { text: 'Windows line ends\r\nsecond line\r\n' },
  { text: '', html: '<p>a</p>\r\n<p>b</p>' },
  { text: 'emoji \u{1F600} and a lone\rCR' },
]

interface Server {
  name: string
  start(): Promise<{ baseUrl: string; token: string; served?: RtServedSimulator; simulator?: RtSimulator; close(): Promise<void> }>
}

const servers: Server[] = [
  {
    name: 'the simulator',
    async start() {
      const simulator = createRtSimulator()
      const served = await simulator.serve()
      return { baseUrl: served.url, token: simulator.credentials.token, served, simulator, close: () => served.close() }
    },
  },
  ...(environment.RT_URL
    ? [{ name: 'the real RT', start: async () => ({ baseUrl: environment.RT_URL!, token: environment.RT_TOKEN!, close: async () => {} }) }]
    : []),
]

for (const server of servers) {
  describe(`RT REST2 requests of a migration (${server.name})`, { timeout: 120_000 }, () => {
    let started: Awaited<ReturnType<Server['start']>>
    let adapter: TicketingAdapterV1
    const adapters: TicketingAdapterV1[] = []
    const fresh = (): TicketingAdapterV1 => {
      const built = createRtAdapter({ baseUrl: started.baseUrl, auth: { token: started.token }, retry })
      adapters.push(built)
      return built
    }

    /** Requests the served simulator saw while `run` ran (undefined against the real RT). */
    async function counted<T>(run: () => Promise<T>): Promise<{ result: T; requests: string[] | undefined }> {
      const before = started.served?.requests.length ?? 0
      const result = await run()
      const requests = started.served?.requests
        .slice(before)
        .map((request) => `${request.method} ${new URL(request.url).pathname.replace(/^.*\/REST\/2\.0/, '')}`)
      return { result, requests }
    }

    beforeAll(async () => {
      started = await server.start()
      adapter = fresh()
      // Warm the catalogs (custom fields) a migration reads once.
      await adapter.lookups.customFields()
    })
    afterAll(async () => {
      for (const built of adapters) await built.close()
      await started?.close()
    })

    it('returns from tickets.create the ticket a fresh adapter reads', async () => {
      for (const description of descriptions) {
        const { result, requests } = await counted(() => adapter.tickets.create({ subject: `${marker} create`, description, priority: { id: '30' } }))
        const read = await fresh().tickets.get(result.record.id)
        expect(withoutRaw(result.record)).toEqual(withoutRaw(read))
        if (requests && !description.text.includes('\r') && !description.html?.includes('\r')) {
          // The create and one search for the new ticket; no reads of its Create transaction.
          expect(requests).toEqual(['POST /ticket', 'GET /tickets'])
        }
      }
    })

    it('derives the text of an HTML description through core’s htmlToText, on create and on a fresh read', async () => {
      const html =
        '<p>It&rsquo;s the caf&eacute; &mdash; &euro;5 &copy;</p><ul><li>Restart</li><li>Log in</li></ul><p>See <a href="https://example.com/kb/42">the article</a></p>'
      const { record } = await adapter.tickets.create({ subject: `${marker} html`, description: { text: '', html } })
      const text = 'It’s the café — €5 ©\n- Restart\n- Log in\nSee the article (https://example.com/kb/42)'
      expect(record.description).toEqual({ text, html })
      expect((await fresh().tickets.get(record.id)).description).toEqual({ text, html })
    })

    it('creates a batch of tickets and of comments with one request each and reads nothing back', async () => {
      const tickets = await counted(() =>
        adapter.tickets.createMany!([1, 2].map((index) => ({ subject: `${marker} batch ${index}`, description: { text: `Row ${index}` } }))),
      )
      const ids = tickets.result.map((item) => (item.ok ? item.id : 'failed'))
      if (tickets.requests) expect(tickets.requests).toEqual(['POST /ticket', 'POST /ticket'])
      const comments = await counted(() =>
        adapter.comments.createMany!([
          { ticketId: ids[0]!, input: { body: { text: `${marker} reply` }, visibility: 'public' } },
          { ticketId: ids[0]!, input: { body: { text: `${marker} note` }, visibility: 'internal' } },
        ]),
      )
      if (comments.requests) expect(comments.requests).toEqual([`POST /ticket/${ids[0]}/correspond`, `POST /ticket/${ids[0]}/comment`])
      // The ids answered are those a fresh adapter reads.
      const reader = fresh()
      for (const [index, id] of ids.entries()) expect((await reader.tickets.get(id)).subject).toBe(`${marker} batch ${index + 1}`)
      const listed = await reader.comments.list(ids[0]!).toArray({ limit: 10 })
      expect(listed.filter((comment) => comment.body.text.startsWith(marker)).map((comment) => comment.id)).toEqual(
        comments.result.map((item) => (item.ok ? item.id : 'failed')),
      )
    })

    it('sets a status RT cannot create with and returns the status RT applied', async () => {
      const { record } = await adapter.tickets.create({
        subject: `${marker} stalled`,
        description: { text: 'Waiting on the vendor.' },
        status: { id: 'stalled' },
      })
      expect(record.status.id).toBe('stalled')
      expect(withoutRaw(record)).toEqual(withoutRaw(await fresh().tickets.get(record.id)))
    })

    it('downloads a listed file with one request and still checks files it did not list', async () => {
      const { record: ticket } = await adapter.tickets.create({ subject: `${marker} files`, description: { text: 'With a file.' } })
      const { record: other } = await adapter.tickets.create({ subject: `${marker} other`, description: { text: 'Without files.' } })
      const data = new TextEncoder().encode(`report of ${marker}\n`)
      await adapter.attachments.upload(ticket.id, { filename: 'report.txt', contentType: 'text/plain', data })

      const reader = fresh()
      const [listed] = await reader.attachments.list(ticket.id).toArray({ limit: 100 })
      expect(listed?.filename).toBe('report.txt')
      const first = await counted(() => reader.attachments.download({ id: listed!.id, ticketId: ticket.id }))
      expect(Buffer.from(first.result).equals(Buffer.from(data))).toBe(true)
      if (first.requests) expect(first.requests).toEqual([`GET /attachment/${listed!.id}`])

      // Not listed by this adapter: checked against the ticket before the download, as before.
      const unlisted = await counted(() => fresh().attachments.download({ id: listed!.id, ticketId: ticket.id }))
      expect(Buffer.from(unlisted.result).equals(Buffer.from(data))).toBe(true)
      if (unlisted.requests) expect(unlisted.requests).toEqual([`POST /ticket/${ticket.id}/attachments`, `GET /attachment/${listed!.id}`])

      // A listed file named with another ticket is still refused.
      await expect(reader.attachments.download({ id: listed!.id, ticketId: other.id })).rejects.toBeInstanceOf(NotFoundError)
      await expect(reader.attachments.download({ id: '999999999', ticketId: ticket.id })).rejects.toBeInstanceOf(NotFoundError)
    })

    it('reads the comments, files and time worked of many tickets in a few searches, merged tickets through their history', async () => {
      const created = await adapter.tickets.createMany!(
        [1, 2, 3, 4].map((index) => ({ subject: `${marker} history ${index}`, description: { text: `Ticket ${index}` } })),
      )
      const ids = created.map((item) => (item.ok ? item.id : 'failed'))
      for (const [index, id] of ids.entries()) {
        await adapter.comments.create(id, { body: { text: `${marker} note ${index}` }, visibility: 'internal', timeWorkedMinutes: 5 })
        await adapter.attachments.upload(id, { filename: `file-${index}.txt`, contentType: 'text/plain', data: new TextEncoder().encode(`${index}`) })
      }
      const reader = fresh()
      const read = () =>
        Promise.all([listForTickets(reader.comments, ids), listForTickets(reader.attachments, ids), listForTickets(reader.timeEntries, ids)])
      const { result, requests } = await counted(read)
      const [comments, files, time] = result
      for (const [index, id] of ids.entries()) {
        expect(comments.get(id)!.map((comment) => comment.body.text)).toContain(`${marker} note ${index}`)
        expect(files.get(id)!.map((file) => file.filename)).toEqual([`file-${index}.txt`])
        expect(time.get(id)!.map((entry) => entry.minutes)).toEqual([5])
      }
      // One transaction search for the tickets, one for their parts, one for the bodies: not a history read a ticket.
      if (requests) expect(requests).toEqual(['POST /transactions', 'POST /attachments', 'POST /attachments'])

      if (server.name !== 'the real RT') return
      // RT keeps a merged ticket's transactions under its own id: the ticket it went into is read through its history.
      const merged = await fetch(`${started.baseUrl}/REST/1.0/ticket/${ids[1]}/merge/${ids[0]}`, {
        method: 'POST',
        headers: { Authorization: `token ${started.token}` },
      })
      expect(await merged.text()).toMatch(/Merge completed/)
      const [afterMerge, filesAfterMerge] = await Promise.all([
        listForTickets(fresh().comments, [ids[0]!]),
        listForTickets(fresh().attachments, [ids[0]!]),
      ])
      const texts = afterMerge.get(ids[0]!)!.map((comment) => comment.body.text)
      expect(texts).toEqual(expect.arrayContaining([`${marker} note 0`, `${marker} note 1`]))
      expect(
        filesAfterMerge
          .get(ids[0]!)!
          .map((file) => file.filename)
          .sort(),
      ).toEqual(['file-0.txt', 'file-1.txt'])
    })

    if (server.name === 'the simulator') {
      it('checks a listed file whose download fails, and reports the error RT gave', async () => {
        const { record: ticket } = await adapter.tickets.create({ subject: `${marker} refused`, description: { text: 'With a file.' } })
        const data = new TextEncoder().encode('secret plans')
        await adapter.attachments.upload(ticket.id, { filename: 'plans.txt', contentType: 'text/plain', data })
        const reader = fresh()
        const [listed] = await reader.attachments.list(ticket.id).toArray({ limit: 100 })
        started.simulator!.faults.inject({ kind: 'status', status: 403 })
        const failed = await counted(() => reader.attachments.download({ id: listed!.id, ticketId: ticket.id }).catch((error: unknown) => error))
        expect(PermissionError.isInstance(failed.result)).toBe(true)
        // The failed download, then the check that the file belongs to the ticket.
        expect(failed.requests).toEqual([`GET /attachment/${listed!.id}`, `POST /ticket/${ticket.id}/attachments`])
        // Once failed, the next download checks first again.
        const again = await counted(() => reader.attachments.download({ id: listed!.id, ticketId: ticket.id }))
        expect(Buffer.from(again.result).equals(Buffer.from(data))).toBe(true)
        expect(again.requests).toEqual([`POST /ticket/${ticket.id}/attachments`, `GET /attachment/${listed!.id}`])
      })
    }
  })
}
