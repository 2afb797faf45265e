import { AuthenticationError, ConflictError, NotFoundError, PermissionError, ServerError, ValidationError } from '@ticketbridge/core'
import { testBytes } from '@ticketbridge/testkit'
import { describe, expect, it } from 'vitest'
import { RtClient } from './client/rt-client'

const environment = process.env
const marker = `tb-rest2-${Date.now().toString(36)}`

/** REST2 against the real RT 5 of CI (`shared/rt/start-rt`); skipped only when RT_URL is unset. */
describe.skipIf(!environment.RT_URL)('RtClient.rest2 against the real RT', { timeout: 60_000 }, () => {
  const retry = { maxRetries: 1, baseDelayMs: 10 }
  const tokenClient = () => new RtClient({ baseUrl: environment.RT_URL!, auth: { token: environment.RT_TOKEN! }, retry })
  const basicClient = () =>
    new RtClient({ baseUrl: `${environment.RT_URL!}/REST/2.0/`, auth: { username: environment.RT_USER!, password: environment.RT_PASSWORD! }, retry })

  it('creates, reads and updates a ticket; a stale ETag is a ConflictError', async () => {
    const { rest2 } = tokenClient()
    const { id } = await rest2.createTicket({
      Queue: 'General',
      Subject: `${marker} etag – naïve ☃`,
      Content: 'Created via REST2.\nSecond line.',
      Requestor: `${marker}-carol@example.com`,
      Priority: 2,
      CustomFields: { Severity: 'low', 'External ID': `${marker}-1` },
    })
    const first = await rest2.getTicket(id)
    expect(first.record).toMatchObject({ id: Number(id), Subject: `${marker} etag – naïve ☃`, Status: 'new', Priority: '2' })
    expect(first.etag).toMatch(/^"\d+"$/)
    expect(first.lastModified).toMatch(/Z$/)

    const { messages } = await rest2.updateTicket(id, { Status: 'open', CustomFields: { Severity: 'high' } }, { ifMatch: first.etag! })
    expect(messages).toEqual(expect.arrayContaining([expect.stringContaining("Status changed from 'new' to 'open'"), 'Severity low changed to high']))
    // The first ETag is stale now: RT answers 412 and nothing changes.
    const stale = await rest2.updateTicket(id, { Subject: 'must not land' }, { ifMatch: first.etag! }).catch((error: unknown) => error)
    expect(ConflictError.isInstance(stale) && stale.status).toBe(412)
    const second = await rest2.getTicket(id, { expand: { Queue: ['Name', 'Lifecycle'] } })
    expect(second.record.Subject).toBe(`${marker} etag – naïve ☃`)
    expect(second.record.Queue).toMatchObject({ Name: 'General', Lifecycle: 'default' })
    expect(second.etag).not.toBe(first.etag)
    // Refusals come back as messages with HTTP 200.
    expect((await rest2.updateTicket(id, { Status: 'bogus' })).messages).toEqual([
      `Ticket ${id}: Status 'bogus' isn't a valid status for this ticket.`,
    ])
  })

  it('round-trips attachment bytes through JSON base64 and multipart, with non-ASCII names', async () => {
    const { rest2 } = basicClient()
    const binary = testBytes(4096)
    const text = new TextEncoder().encode('Größe: 42 €\r\nline two\n')
    const { id } = await rest2.createTicket(
      { Queue: 'General', Subject: `${marker} files`, Content: 'With a file.' },
      { attachments: [{ filename: 'created.bin', contentType: 'application/octet-stream', data: binary }] },
    )
    const json = await rest2.comment(
      id,
      { Content: 'JSON files' },
      {
        attachments: [
          { filename: 'notes-ü.txt', contentType: 'text/plain', data: text },
          { filename: 'json.bin', data: binary },
        ],
      },
    )
    expect(json.messages).toEqual(['Comments added'])
    const multipart = await rest2.correspond(
      id,
      { Content: 'Multipart files\nline two' },
      {
        attachmentEncoding: 'multipart',
        attachments: [
          { filename: 'multi-ü.bin', contentType: 'application/octet-stream', data: binary },
          { filename: 'multi.txt', contentType: 'text/plain', data: text },
        ],
      },
    )
    expect(multipart.transactionId).toMatch(/^\d+$/)

    const page = await rest2.getTicketAttachments(id, {
      fields: ['Filename', 'ContentType', 'ContentLength', 'TransactionId'],
      perPage: 100,
      orderBy: 'id',
    })
    const files = page.items.filter((item) => item.Filename !== '')
    expect(files.map((item) => item.Filename)).toEqual(['created.bin', 'notes-ü.txt', 'json.bin', 'multi-ü.bin', 'multi.txt'])
    for (const file of files) {
      const expected = String(file.Filename).endsWith('.bin') ? binary : text
      expect(Number(file.ContentLength)).toBe(expected.byteLength)
      expect(Buffer.from(await rest2.getAttachmentContent(String(file.id))).equals(Buffer.from(expected))).toBe(true)
    }
    const fromMultipart = await rest2.getTransactionAttachments(multipart.transactionId, { fields: ['Filename', 'ContentType'] })
    expect(fromMultipart.items.map((item) => item.Filename).filter(Boolean)).toEqual(['multi-ü.bin', 'multi.txt'])
    const bodies = await rest2.searchAttachments(
      [
        { field: 'TransactionId', operator: 'IN', value: [Number(json.transactionId), Number(multipart.transactionId)] },
        { field: 'ContentType', operator: 'STARTSWITH', value: 'text/' },
      ],
      { fields: ['TransactionId', 'Filename', 'Content'], orderBy: 'id' },
    )
    expect(bodies.items.filter((item) => item.Filename === '').map((item) => item.Content)).toEqual(['JSON files', 'Multipart files\nline two'])
  })

  it('pages searches by what RT answered, and reads history and transactions', async () => {
    const { rest2 } = tokenClient()
    const ids: string[] = []
    for (let index = 0; index < 5; index += 1) ids.push((await rest2.createTicket({ Queue: 'General', Subject: `${marker} page ${index}` })).id)
    const pages: number[] = []
    const seen: string[] = []
    for await (const page of rest2.iterateTickets(`Subject LIKE '${marker} page'`, { perPage: 2, orderBy: 'id', fields: ['Subject'] }).pages()) {
      pages.push(page.items.length)
      seen.push(...page.items.map((item) => String(item.id)))
    }
    expect(pages).toEqual([2, 2, 1])
    expect(seen).toEqual(ids)
    // per_page above RT's cap of 100 is cut silently; the pager follows the answer.
    expect((await rest2.searchTickets(`Subject LIKE '${marker} page'`, { perPage: 500, orderBy: 'id' })).per_page).toBe(100)
    const posted = await rest2.searchTickets(`Subject LIKE '${marker} page'`, { orderBy: 'id', order: 'DESC', usePost: true })
    expect(posted.items.map((item) => String(item.id))).toEqual([...ids].reverse())

    await rest2.comment(ids[0]!, { Content: 'note', TimeTaken: 15 })
    const history = await rest2.getTicketHistory(ids[0]!, {
      fields: ['Type', 'TimeTaken', 'Creator'],
      expand: { Creator: ['id', 'Name'] },
      orderBy: 'id',
    })
    expect(history.items.map((item) => item.Type)).toEqual(['Create', 'Comment'])
    expect(history.items[1]).toMatchObject({ TimeTaken: '15', Creator: { Name: environment.RT_USER } })
    const comments = await rest2.searchTransactions(`ObjectType = 'RT::Ticket' AND ObjectId = ${ids[0]} AND Type = 'Comment'`, { fields: ['Type'] })
    expect(comments.items).toHaveLength(1)
    const transaction = await rest2.getTransaction(String(comments.items[0]!.id))
    expect(transaction.record.Type).toBe('Comment')
  })

  it('reads queues, users, custom fields and links', async () => {
    const { rest2 } = tokenClient()
    expect((await rest2.getSystemInformation()).Version).toMatch(/^5\./)
    const queues = await rest2.listQueues({ fields: ['Name', 'Lifecycle'] })
    expect(queues.items).toContainEqual(expect.objectContaining({ Name: 'General', Lifecycle: 'default' }))
    const general = await rest2.getQueue('General')
    expect(general.record.TicketCustomFields?.map((field) => field.name)).toEqual(expect.arrayContaining(['Severity', 'External ID']))
    const severity = await rest2.searchCustomFields(
      [
        { field: 'Name', value: 'Severity' },
        { field: 'LookupType', value: 'RT::Queue-RT::Ticket' },
      ],
      { fields: ['Name', 'Type', 'MaxValues'] },
    )
    expect(severity.items[0]).toMatchObject({ Name: 'Severity', Type: 'Select', MaxValues: '1' })
    expect((await rest2.getCustomField(String(severity.items[0]!.id))).record.Values).toEqual(['low', 'medium', 'high'])

    const email = `${marker}-dana@example.com`
    const { id: userId } = await rest2.createUser({ Name: email, EmailAddress: email, RealName: `Dana ${marker}`, Privileged: 0 })
    const found = await rest2.searchUsers([{ field: 'EmailAddress', value: email.toUpperCase() }], { fields: ['id', 'Name', 'EmailAddress'] })
    expect(found.items).toEqual([expect.objectContaining({ id: Number(userId), EmailAddress: email })])
    expect((await rest2.getUser(userId)).record).toMatchObject({ Name: email, RealName: `Dana ${marker}`, Privileged: 0 })

    const parent = await rest2.createTicket({ Queue: 'General', Subject: `${marker} parent` })
    const child = await rest2.createTicket({ Queue: 'General', Subject: `${marker} child` })
    await rest2.updateTicketLinks(child.id, { AddMemberOf: parent.id, AddRefersTo: [parent.id] })
    expect(await rest2.getTicketLinks(child.id)).toMatchObject({ parent: [parent.id], 'refers-to': [parent.id], child: [] })
    expect((await rest2.getTicketLinks(parent.id)).child).toEqual([child.id])
    await rest2.updateTicketLinks(child.id, { DeleteRefersTo: parent.id })
    expect((await rest2.getTicketLinks(child.id))['refers-to']).toEqual([])
  })

  it('maps REST2 errors to typed errors', async () => {
    const { rest2 } = tokenClient()
    await expect(rest2.getTicket(987654321)).rejects.toSatisfy((error) => NotFoundError.isInstance(error) && error.status === 404)
    await expect(rest2.searchTickets('Foo = 1 AND (')).rejects.toSatisfy((error) => ValidationError.isInstance(error))
    await expect(rest2.createTicket({ Queue: `${marker}-no-queue`, Subject: 'x' })).rejects.toSatisfy((error) => PermissionError.isInstance(error))
    // RT 5.0.3 answers 500 for an attachment id that does not exist; it is not retried.
    const missing = await rest2.getAttachment(987654321).catch((error: unknown) => error)
    expect(ServerError.isInstance(missing) && missing.retryable).toBe(false)

    const badToken = new RtClient({ baseUrl: environment.RT_URL!, auth: { token: '1-14-0123456789abcdef0123456789abcdef' }, retry })
    await expect(badToken.rest2.getTicket(1)).rejects.toSatisfy((error) => AuthenticationError.isInstance(error) && error.status === 401)
    const guest = new RtClient({
      baseUrl: environment.RT_URL!,
      auth: { username: environment.RT_GUEST_USER!, password: environment.RT_GUEST_PASSWORD! },
      retry,
    })
    const { id } = await rest2.createTicket({ Queue: 'General', Subject: `${marker} guarded` })
    await expect(guest.rest2.getTicket(id)).rejects.toSatisfy((error) => PermissionError.isInstance(error) && error.status === 403)
    await expect(guest.rest2.createTicket({ Queue: 'General', Subject: `${marker} guest` })).rejects.toSatisfy((error) =>
      PermissionError.isInstance(error),
    )
  })
})
