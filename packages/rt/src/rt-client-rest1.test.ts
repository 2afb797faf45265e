import { AuthenticationError, NotFoundError, PermissionError, ValidationError } from '@ticketbridge/core'
import { testBytes } from '@ticketbridge/testkit'
import { afterAll, describe, expect, it } from 'vitest'
import { RtClient } from './client/rt-client'

const environment = process.env
const marker = `tb-rest1-${Date.now().toString(36)}`

/** REST 1.0 against the real RT 5 of CI (`shared/rt/start-rt`); skipped only when RT_URL is unset. */
describe.skipIf(!environment.RT_URL)('RtClient.rest1 against the real RT', { timeout: 60_000 }, () => {
  const retry = { maxRetries: 1, baseDelayMs: 10 }
  const clients: RtClient[] = []
  const passwordClient = () =>
    remember(new RtClient({ baseUrl: environment.RT_URL!, auth: { username: environment.RT_USER!, password: environment.RT_PASSWORD! }, retry }))
  const tokenClient = () => remember(new RtClient({ baseUrl: environment.RT_URL!, auth: { token: environment.RT_TOKEN! }, retry }))
  function remember(client: RtClient): RtClient {
    clients.push(client)
    return client
  }
  afterAll(async () => {
    for (const client of clients) await client.close()
  })

  it('creates, reads, edits and searches a ticket with a session cookie', async () => {
    const { rest1 } = passwordClient()
    const text = `The printer is on fire.\n  Indented detail line.\n\nA paragraph after a blank line (${marker}).`
    const { id } = await rest1.createTicket({
      queue: 'General',
      subject: `${marker} create – Grüße ☃`,
      text,
      requestors: [`${marker}-alice@example.com`],
      priority: 30,
      customFields: { Severity: 'high', 'External ID': `${marker}-1` },
    })
    expect(id).toMatch(/^\d+$/)

    const ticket = await rest1.getTicket(id)
    expect(ticket).toMatchObject({
      id,
      queue: 'General',
      subject: `${marker} create – Grüße ☃`,
      status: 'new',
      priority: '30',
      requestors: [`${marker}-alice@example.com`],
    })
    expect(ticket.customFields).toEqual({ Severity: 'high', 'External ID': `${marker}-1` })
    expect(ticket.created).toMatch(/Z$/)
    expect(Date.parse(ticket.created!)).toBeGreaterThan(Date.now() - 10 * 60_000)
    expect(await rest1.getTicket(id, { fields: ['Subject', 'CF.{Severity}'] })).toMatchObject({
      subject: ticket.subject,
      customFields: { Severity: 'high' },
    })

    // The description is the Create transaction's content, indentation and blank line intact.
    const history = await rest1.getHistoryLong(id)
    expect(history[0]).toMatchObject({ type: 'Create', ticketId: id, content: text, creator: environment.RT_USER })

    expect(await rest1.updateTicket(id, { Status: 'open', Priority: 55 }, { customFields: { Severity: 'low' } })).toMatchObject({ changed: true })
    expect(await rest1.getTicket(id)).toMatchObject({ status: 'open', priority: '55', customFields: { Severity: 'low' } })
    // RT answers an edit that changes nothing with an empty body.
    expect(await rest1.updateTicket(id, { Priority: 55 })).toEqual({ changed: false, messages: [] })

    expect(await rest1.searchTickets(`Subject LIKE '${marker} create'`, { format: 'i' })).toEqual([id])
    expect(await rest1.searchTickets(`Subject LIKE '${marker} create'`, { orderBy: '+id' })).toEqual([{ id, subject: ticket.subject }])
    const [long] = await rest1.searchTickets(`id = ${id}`, { format: 'l', fields: ['Subject', 'Status', 'CF.{Severity}'] })
    expect(long).toMatchObject({ id, subject: ticket.subject, status: 'open', customFields: { Severity: 'low' } })
    expect(await rest1.searchTickets(`Subject = '${marker} no such subject'`)).toEqual([])
    expect((await rest1.getTickets([id], { fields: ['Subject'] })).map((found) => found.subject)).toEqual([ticket.subject])
  })

  it('comments with attachments and returns their exact bytes', async () => {
    const { rest1 } = passwordClient()
    const { id } = await rest1.createTicket({ queue: 'General', subject: `${marker} attachments`, text: 'Attachments follow.' })
    const binary = testBytes(4096)
    const textFile = new TextEncoder().encode('Größe: 42 €\r\nline two\n')
    const { messages } = await rest1.comment(id, {
      action: 'comment',
      text: 'Two files attached.\nSecond line.',
      attachments: [
        { filename: 'capture.bin', contentType: 'application/octet-stream', data: binary },
        { filename: 'notes.txt', contentType: 'text/plain', data: textFile },
      ],
    })
    expect(messages).toEqual(['Comments added'])
    expect((await rest1.comment(id, { action: 'correspond', text: `Reply ${marker}` })).messages).toEqual(['Correspondence added'])

    const listed = await rest1.listAttachments(id)
    const capture = listed.find((attachment) => attachment.filename === 'capture.bin')!
    const notes = listed.find((attachment) => attachment.filename === 'notes.txt')!
    expect(capture).toMatchObject({ contentType: 'application/octet-stream' })
    expect(Buffer.from(await rest1.getAttachmentContent(id, capture.id)).equals(Buffer.from(binary))).toBe(true)
    expect(Buffer.from(await rest1.getAttachmentContent(id, notes.id)).equals(Buffer.from(textFile))).toBe(true)
    const shown = await rest1.getAttachment(id, notes.id)
    expect(shown).toMatchObject({ filename: 'notes.txt', contentType: 'text/plain' })
    expect(shown.content).toContain('Größe: 42 €')

    const short = await rest1.getHistory(id)
    expect(short.map((entry) => entry.description)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Comments added by /), expect.stringMatching(/^Correspondence added by /)]),
    )
    const commentEntry = short.find((entry) => entry.description.startsWith('Comments added'))!
    const entry = await rest1.getHistoryEntry(id, commentEntry.id)
    expect(entry).toMatchObject({ id: commentEntry.id, type: 'Comment', content: 'Two files attached.\nSecond line.' })
    expect(entry.attachments.map((attachment) => attachment.filename).filter(Boolean)).toEqual(['capture.bin', 'notes.txt'])
  })

  it('reads and updates links', async () => {
    const { rest1 } = passwordClient()
    const parent = await rest1.createTicket({ queue: 'General', subject: `${marker} parent` })
    const child = await rest1.createTicket({ queue: 'General', subject: `${marker} child` })
    const related = await rest1.createTicket({ queue: 'General', subject: `${marker} related` })
    await rest1.updateLinks(child.id, { MemberOf: [parent.id], RefersTo: [related.id] })
    const links = await rest1.getLinks(child.id)
    expect(links.MemberOf).toEqual([expect.stringMatching(new RegExp(`/ticket/${parent.id}$`))])
    expect(links.RefersTo).toEqual([expect.stringMatching(new RegExp(`/ticket/${related.id}$`))])
    expect((await rest1.getLinks(parent.id)).Members).toEqual([expect.stringMatching(new RegExp(`/ticket/${child.id}$`))])
    await rest1.updateLinks(child.id, { RefersTo: [] })
    expect((await rest1.getLinks(child.id)).RefersTo).toEqual([])
  })

  it('reads users and queues by id and by name', async () => {
    const { rest1 } = tokenClient()
    const root = await rest1.getUser(environment.RT_USER!)
    expect(root.fields.Name).toBe(environment.RT_USER)
    expect((await rest1.getUser(root.id)).fields.Name).toBe(environment.RT_USER)
    const general = await rest1.getQueue('General')
    expect(general.id).toBe('1')
    expect((await rest1.getQueue(1)).fields.Name).toBe('General')
    await expect(rest1.getUser(`${marker}-nobody`)).rejects.toSatisfy((error) => NotFoundError.isInstance(error))
    await expect(rest1.getQueue(`${marker}-no-queue`)).rejects.toSatisfy((error) => NotFoundError.isInstance(error))
  })

  it('authenticates with a token, logs in again after logout, and refuses bad credentials', async () => {
    const token = tokenClient()
    const { id } = await token.rest1.createTicket({ queue: 'General', subject: `${marker} token` })
    expect((await token.rest1.getTicket(id)).subject).toBe(`${marker} token`)

    const password = passwordClient()
    await password.rest1.login()
    await password.rest1.logout()
    // The session is gone; the client logs in again on the next call.
    expect((await password.rest1.getTicket(id)).subject).toBe(`${marker} token`)
    // A cookie killed behind the client's back (another logout) is renewed after RT's 401.
    await password.rest1.request('POST', '/logout')
    expect((await password.rest1.getTicket(id)).subject).toBe(`${marker} token`)

    const wrong = remember(
      new RtClient({ baseUrl: environment.RT_URL!, auth: { username: environment.RT_USER!, password: 'not-the-password-7c1' }, retry }),
    )
    await expect(wrong.rest1.getTicket(id)).rejects.toSatisfy((error) => AuthenticationError.isInstance(error))
    const wrongToken = remember(new RtClient({ baseUrl: environment.RT_URL!, auth: { token: '1-14-00000000000000000000000000000000' }, retry }))
    await expect(wrongToken.rest1.getTicket(id)).rejects.toSatisfy((error) => AuthenticationError.isInstance(error))
  })

  it("turns RT's HTTP 200 error bodies into typed errors", async () => {
    const { rest1 } = passwordClient()
    await expect(rest1.getTicket(987654321)).rejects.toSatisfy((error) => NotFoundError.isInstance(error) && error.status === 404)
    await expect(rest1.createTicket({ queue: `${marker}-no-such-queue`, subject: 'x' })).rejects.toSatisfy((error) =>
      ValidationError.isInstance(error),
    )
    await expect(rest1.searchTickets('Foo = 1 AND (')).rejects.toSatisfy(
      (error) => ValidationError.isInstance(error) && error.issues[0]?.field === 'query',
    )
    const { id } = await rest1.createTicket({ queue: 'General', subject: `${marker} errors` })
    await expect(rest1.updateTicket(id, { Status: 'bogus' })).rejects.toSatisfy(
      (error) => ValidationError.isInstance(error) && error.issues[0]?.field === 'Status',
    )

    const guest = remember(
      new RtClient({ baseUrl: environment.RT_URL!, auth: { username: environment.RT_GUEST_USER!, password: environment.RT_GUEST_PASSWORD! }, retry }),
    ).rest1
    await expect(guest.getTicket(id)).rejects.toSatisfy((error) => PermissionError.isInstance(error))
    await expect(guest.updateTicket(id, { Priority: 1 })).rejects.toSatisfy((error) => PermissionError.isInstance(error))
    await expect(guest.comment(id, { action: 'comment', text: 'no' })).rejects.toSatisfy((error) => PermissionError.isInstance(error))
    await expect(guest.createTicket({ queue: 'General', subject: `${marker} guest` })).rejects.toSatisfy((error) => PermissionError.isInstance(error))
  })
})
