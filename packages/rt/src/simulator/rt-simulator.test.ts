/**
 * The simulator's behaviour beyond the recorded fixtures. Each expectation here was checked
 * against the real RT 5.0.3 that start-rt runs (same requests, compared by hand).
 */
import { ConfigurationError } from '@ticketbridge/core'
import { createMockServer } from '@ticketbridge/testkit'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createRtSimulator, type RtServedSimulator } from './index'

const simulator = createRtSimulator()
let server: RtServedSimulator

beforeAll(async () => {
  server = await simulator.serve()
})
afterAll(async () => {
  await server.close()
})
beforeEach(() => {
  simulator.reset()
})

async function rest2(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; json: unknown; text: string }> {
  const response = await fetch(`${server.url}/REST/2.0${path}`, {
    method,
    headers: {
      authorization: `token ${simulator.credentials.token}`,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  })
  const text = await response.text()
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    json = undefined
  }
  return { status: response.status, headers: response.headers, json, text }
}

async function rest1(path: string, form: Record<string, string> = {}, auth: 'token' | 'guest' = 'token'): Promise<string> {
  const body = new URLSearchParams(
    auth === 'guest' ? { user: simulator.credentials.guestUser, pass: simulator.credentials.guestPassword, ...form } : form,
  )
  const response = await fetch(`${server.url}/REST/1.0/${path}`, {
    method: 'POST',
    headers: auth === 'token' ? { authorization: `token ${simulator.credentials.token}` } : {},
    body,
  })
  return response.text()
}

async function createTicket(fields: Record<string, unknown> = {}): Promise<string> {
  const created = await rest2('POST', '/ticket', { Queue: 'General', Subject: 'Behaviour test', ...fields })
  expect(created.status).toBe(201)
  return String((created.json as { id: string }).id)
}

describe('REST2 conditional requests', () => {
  it('accepts the current ETag (quoted or not, or in a list) and refuses stale and weak ones with 412', async () => {
    const id = await createTicket()
    const etag = (await rest2('GET', `/ticket/${id}`)).headers.get('etag') as string
    expect(etag).toMatch(/^"\d+"$/)
    expect((await rest2('PUT', `/ticket/${id}`, {}, { 'if-match': etag })).status).toBe(200)
    expect((await rest2('PUT', `/ticket/${id}`, {}, { 'if-match': etag.replace(/"/g, '') })).status).toBe(200)
    expect((await rest2('PUT', `/ticket/${id}`, {}, { 'if-match': `"1", ${etag}` })).status).toBe(200)
    expect((await rest2('PUT', `/ticket/${id}`, {}, { 'if-match': `W/${etag}` })).status).toBe(412)
    const stale = await rest2('PUT', `/ticket/${id}`, { Subject: 'never' }, { 'if-match': '"1"' })
    expect([stale.status, stale.json]).toEqual([412, { message: 'Precondition Failed' }])
    expect((await rest2('GET', `/ticket/${id}`)).json).toMatchObject({ Subject: 'Behaviour test' })
  })

  it('moves the ETag to the newest transaction on every change', async () => {
    const id = await createTicket()
    const before = (await rest2('GET', `/ticket/${id}`)).headers.get('etag')
    await rest2('PUT', `/ticket/${id}`, { Subject: 'changed' })
    const after = (await rest2('GET', `/ticket/${id}`)).headers.get('etag')
    expect(after).not.toBe(before)
    expect((await rest2('PUT', `/ticket/${id}`, { Subject: 'again' }, { 'if-match': before as string })).status).toBe(412)
  })

  it('answers If-None-Match with 304, checks a missing ticket first (404), and refuses any If-Match on comments', async () => {
    const id = await createTicket()
    const etag = (await rest2('GET', `/ticket/${id}`)).headers.get('etag') as string
    expect((await rest2('GET', `/ticket/${id}`, undefined, { 'if-none-match': etag })).status).toBe(304)
    expect((await rest2('PUT', '/ticket/999', { Subject: 'x' }, { 'if-match': '"1"' })).status).toBe(404)
    const comment = await rest2('POST', `/ticket/${id}/comment`, { Content: 'x', ContentType: 'text/plain' }, { 'if-match': etag })
    expect(comment.status).toBe(412)
  })
})

describe('REST2 ticket updates', () => {
  it('changes the owner with a Set and a SetWatcher transaction', async () => {
    const id = await createTicket()
    expect((await rest2('PUT', `/ticket/${id}`, { Owner: 'root' })).json).toEqual([`Ticket ${id}: Owner changed from Nobody to root`])
    const history = await rest1(`ticket/${id}/history`)
    expect(history).toContain(': Taken by root\n')
    expect(history).toContain(': Owner set to root (Enoch Root) by root\n')
    expect((await rest2('PUT', `/ticket/${id}`, { Owner: simulator.credentials.guestUser })).json).toEqual([
      `Ticket ${id}: That user may not own tickets in that queue`,
    ])
    expect((await rest2('PUT', `/ticket/${id}/untake`, {})).json).toEqual(['Owner changed from root to Nobody'])
    expect((await rest2('PUT', `/ticket/${id}/take`, {})).json).toEqual(['Owner changed from Nobody to root'])
    expect((await rest2('PUT', `/ticket/${id}/take`, {})).json).toEqual(['That user already owns that ticket'])
    expect(await rest1(`ticket/${id}/history`)).toMatch(/: Untaken by root\n\d+: Owner set to Nobody in particular by root\n/)
  })

  it('reports custom field changes, deletions and refusals as RT does', async () => {
    const id = await createTicket({ CustomFields: { Severity: 'high' } })
    expect((await rest2('PUT', `/ticket/${id}`, { CustomFields: { Severity: 'bogus' } })).json).toEqual(['Invalid value for custom field'])
    expect((await rest2('PUT', `/ticket/${id}`, { CustomFields: { Severity: null } })).json).toEqual([
      'high is no longer a value for custom field Severity',
    ])
    expect((await rest2('PUT', `/ticket/${id}`, { CustomFields: { Severity: 'low' } })).json).toEqual(['Severity low added'])
    expect((await rest2('PUT', `/ticket/${id}`, { CustomFields: { Severity: 'low' } })).json).toEqual([])
  })

  it('sets watchers role by role, creating unknown addresses as users', async () => {
    const id = await createTicket({ Requestor: 'carol@example.com', Cc: ['dave@example.com'] })
    const messages = (await rest2('PUT', `/ticket/${id}`, { Requestor: ['carol@example.com', 'erin@example.com'], Cc: [] })).json
    expect(messages).toEqual(['dave@example.com is no longer Cc for this ticket', 'Added erin@example.com as Requestor for this ticket'])
    const user = await rest2('GET', '/user/erin@example.com')
    expect(user.json).toMatchObject({ Name: 'erin@example.com', Comments: 'Autocreated when added as a watcher', Privileged: 0 })
  })

  it('links tickets both ways and keeps a ticket with unresolved dependencies open', async () => {
    const target = await createTicket()
    const id = await createTicket()
    expect((await rest2('PUT', `/ticket/${id}`, { RefersTo: target, AddDependsOn: [Number(target)] })).json).toEqual([
      `Ticket ${id} depends on Ticket ${target}.`,
      `Ticket ${id} refers to Ticket ${target}.`,
    ])
    expect((await rest2('PUT', `/ticket/${id}`, { Status: 'resolved' })).json).toEqual([`Ticket ${id}: That ticket has unresolved dependencies`])
    expect(await rest1(`ticket/${target}/links`)).toContain(
      `DependedOnBy: fsck.com-rt://localhost/ticket/${id}\nReferredToBy: fsck.com-rt://localhost/ticket/${id}\n`,
    )
    const shown = (await rest2('GET', `/ticket/${id}`)).json as { _hyperlinks: { ref: string; id?: string }[] }
    expect(shown._hyperlinks.filter((link) => link.ref === 'depends-on' || link.ref === 'refers-to').map((link) => [link.ref, link.id])).toEqual([
      ['depends-on', target],
      ['refers-to', target],
    ])
  })

  it("refuses a body that is not a JSON object, with RT's texts", async () => {
    const id = await createTicket()
    expect((await rest2('PUT', `/ticket/${id}`, '[1]')).json).toEqual({ message: 'JSON object must be a HASH' })
    expect((await rest2('PUT', `/ticket/${id}`, '{"a":1,')).json).toEqual({ message: `JSON parse error: '"' expected, at character offset 7\n` })
  })
})

describe('REST2 comments and replies', () => {
  it('reopens a resolved ticket on reply and records Told', async () => {
    const id = await createTicket({ Requestor: 'carol@example.com' })
    await rest2('PUT', `/ticket/${id}`, { Status: 'resolved' })
    const reply = await rest2('POST', `/ticket/${id}/correspond`, { Content: 'Back again', ContentType: 'text/plain' })
    expect(reply.status).toBe(201)
    expect(reply.headers.get('location')).toMatch(/^\/REST\/2\.0\/transaction\/\d+$/)
    const ticket = (await rest2('GET', `/ticket/${id}`)).json as Record<string, unknown>
    expect(ticket.Status).toBe('open')
    expect(ticket.Told).toMatch(/^\d{4}-\d\d-\d\dT/)
  })

  it('accepts a comment without content, refuses content without ContentType or a missing ticket', async () => {
    const id = await createTicket()
    expect((await rest2('POST', `/ticket/${id}/comment`, { ContentType: 'text/plain' })).json).toEqual(['Comments added'])
    expect((await rest2('POST', `/ticket/${id}/comment`, { Content: 'y' })).json).toEqual({
      message: 'ContentType is a required field for application/json',
    })
    expect((await rest2('POST', '/ticket/999999/comment', { Content: 'x', ContentType: 'text/plain' })).json).toEqual({
      message: 'Message could not be recorded',
    })
  })

  it('expands sub-fields of a single record as RT 5 does (fields[Queue]=Name on GET /ticket/<id>)', async () => {
    const id = await createTicket()
    const { json } = await rest2('GET', `/ticket/${id}?fields[Queue]=Name,Lifecycle&fields[Owner]=Name`)
    const record = json as { Queue: Record<string, unknown>; Owner: Record<string, unknown>; Creator: Record<string, unknown> }
    expect(record.Queue).toMatchObject({ type: 'queue', id: '1', Name: 'General', Lifecycle: 'default' })
    expect(record.Owner).toMatchObject({ type: 'user', id: 'Nobody', Name: 'Nobody' })
    // Fields not asked for stay bare references.
    expect(record.Creator).not.toHaveProperty('Name')
  })

  it('takes a text/plain body as the message itself', async () => {
    const id = await createTicket()
    const reply = await rest2('POST', `/ticket/${id}/comment`, 'Plain words', { 'content-type': 'text/plain' })
    expect(reply.status).toBe(201)
    expect(await rest1(`ticket/${id}/history?format=l`)).toContain('Content: Plain words\n')
  })
})

describe('REST2 permissions and authentication', () => {
  async function asGuest(method: string, path: string, body?: unknown) {
    const basic = Buffer.from(`${simulator.credentials.guestUser}:${simulator.credentials.guestPassword}`).toString('base64')
    return rest2(method, path, body, { authorization: `Basic ${basic}` })
  }

  it("gives the guest (no rights) RT's refusals", async () => {
    const id = await createTicket()
    expect((await asGuest('GET', `/ticket/${id}`)).status).toBe(403)
    expect((await asGuest('PUT', `/ticket/${id}`, { Subject: 'x' })).json).toEqual({ message: 'Forbidden' })
    expect((await asGuest('POST', `/ticket/${id}/comment`, { Content: 'x', ContentType: 'text/plain' })).json).toEqual({
      message: 'Permission Denied',
    })
    expect((await asGuest('POST', '/ticket', { Queue: 'General', Subject: 'x' })).json).toEqual({
      message: "No permission to create tickets in the queue 'General'",
    })
    const search = (await asGuest('GET', '/tickets?query=id>0')).text
    expect(search).toContain('"pages" : 0.0')
    expect((await asGuest('GET', `/ticket/${id}/history`)).json).toMatchObject({ total: null, pages: null, count: 0 })
  })

  it('answers 401 without a challenge, and a redirect to the login page for browsers', async () => {
    const bare = await fetch(`${server.url}/REST/2.0/rt`)
    expect([bare.status, bare.headers.get('www-authenticate'), await bare.json()]).toEqual([401, null, { message: 'Unauthorized' }])
    const browser = await fetch(`${server.url}/REST/2.0/rt`, { headers: { 'user-agent': 'Mozilla/5.0' }, redirect: 'manual' })
    expect([browser.status, browser.headers.get('location'), await browser.text()]).toEqual([302, '/', 'Login required'])
  })

  it('takes the token as ?token= on REST2 and the REST 1.0 session cookie', async () => {
    const viaQuery = await fetch(`${server.url}/REST/2.0/rt?token=${simulator.credentials.token}`)
    expect(viaQuery.status).toBe(200)
    const login = await fetch(`${server.url}/REST/1.0/`, {
      method: 'POST',
      body: new URLSearchParams({ user: simulator.credentials.user, pass: simulator.credentials.password }),
    })
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string
    expect((await fetch(`${server.url}/REST/2.0/rt`, { headers: { cookie } })).status).toBe(200)
  })
})

describe('REST2 searches', () => {
  it('joins clauses with the last aggregator of their level, as RT does', async () => {
    const ids = [await createTicket(), await createTicket(), await createTicket()]
    const search = async (query: string): Promise<string[]> =>
      ((await rest2('GET', `/tickets?query=${encodeURIComponent(query)}&orderby=id`)).json as { items: { id: string }[] }).items.map(
        (item) => item.id,
      )
    expect(await search(`id = ${ids[0]} AND id = ${ids[1]} OR id = ${ids[2]}`)).toEqual(ids)
    expect(await search(`id = ${ids[2]} OR id = ${ids[0]} AND id = ${ids[1]}`)).toEqual([])
    expect(await search(`(id = ${ids[0]} AND id = ${ids[1]}) OR id = ${ids[2]}`)).toEqual([ids[2]])
  })

  it('matches no ticket on Content without full-text search, and message text with it', async () => {
    await createTicket({ Content: 'The printer is on fire', ContentType: 'text/plain' })
    expect((await rest2('GET', `/tickets?query=${encodeURIComponent("Content LIKE 'printer'")}`)).json).toMatchObject({ total: 0 })
    const fullText = createRtSimulator({ fullTextSearch: true })
    const mock = createMockServer(fullText.handlers)
    try {
      const headers = { authorization: `token ${fullText.credentials.token}`, 'content-type': 'application/json' }
      await fetch('https://rt.example.com/REST/2.0/ticket', {
        method: 'POST',
        headers,
        body: JSON.stringify({ Queue: 'General', Subject: 'x', Content: 'The printer is on fire', ContentType: 'text/plain' }),
      })
      const found = await fetch(`https://rt.example.com/REST/2.0/tickets?query=${encodeURIComponent("Content LIKE 'printer'")}`, { headers })
      expect(await found.json()).toMatchObject({ total: 1, items: [{ id: '1', _url: 'https://rt.example.com/REST/2.0/ticket/1' }] })
    } finally {
      mock.close()
    }
  })

  it("builds paging links from the request URI, with RT's empty pair when page is not last", async () => {
    for (let index = 0; index < 3; index += 1) await createTicket()
    const middle = (await rest2('GET', '/tickets?page=2&query=id%3E0&per_page=1&orderby=id')).json as Record<string, unknown>
    expect(middle.next_page).toBe(`${server.url}/REST/2.0/tickets?=&query=id%3E0&per_page=1&orderby=id&page=3`)
    expect(middle.prev_page).toBe(`${server.url}/REST/2.0/tickets?=&query=id%3E0&per_page=1&orderby=id&page=1`)
    const beyond = (await rest2('GET', '/tickets?query=id%3E0&page=9&per_page=1&orderby=id')).json as Record<string, unknown>
    expect(beyond).toMatchObject({ count: 0, page: 9, pages: 3, total: 3 })
    expect(beyond.prev_page).toBe(`${server.url}/REST/2.0/tickets?query=id%3E0&=&per_page=1&orderby=id&page=3`)
    expect(beyond.next_page).toBeUndefined()
  })

  it('searches users with JSON conditions, case-insensitively', async () => {
    const found = (await rest2('POST', '/users?fields=Name', [{ field: 'EmailAddress', value: 'ROOT@localhost' }])).json
    expect(found).toMatchObject({ count: 1, items: [{ id: 'root', Name: 'root' }] })
    const like = (await rest2('POST', '/users?fields=Name', [{ field: 'Name', operator: 'LIKE', value: 'oo' }])).json
    expect(like).toMatchObject({ count: 1, items: [{ Name: 'root' }] })
  })
})

describe('REST 1.0 beyond the fixtures', () => {
  it('answers a user without rights as RT does: empty attachment list, empty history, bare links', async () => {
    const id = await createTicket({ Content: 'text', ContentType: 'text/plain' })
    expect(await rest1(`ticket/${id}/attachments`, {}, 'guest')).toBe('')
    expect(await rest1(`ticket/${id}/history`, {}, 'guest')).toBe(`RT/5.0.3+dfsg-3~deb12u6 200 Ok\n\n# 0/0 (/total)\n\n\n`)
    expect(await rest1(`ticket/${id}/links`, {}, 'guest')).toBe(`RT/5.0.3+dfsg-3~deb12u6 200 Ok\n\nid: ticket/${id}/links\n\n`)
  })

  it('refuses a create form with an unknown field with 409, echoing it', async () => {
    const answer = await rest1('ticket/new', { content: 'id: ticket/new\nQueue: General\nFoo: bar' })
    expect(answer).toBe('RT/5.0.3+dfsg-3~deb12u6 409 Syntax Error\n\n# Could not create ticket.\n# Foo: Unknown field\n\nFoo: bar\n\n')
    expect(simulator.state.tickets.size).toBe(0)
  })

  it('lists search results in ascending id order by default, and as a table with format=s and fields', async () => {
    await createTicket({ Subject: 'first' })
    await createTicket({ Subject: 'second' })
    expect(await rest1('search/ticket', { query: 'id < 3', format: 'i' })).toBe('RT/5.0.3+dfsg-3~deb12u6 200 Ok\n\nticket/1\nticket/2\n\n\n')
    expect(await rest1('search/ticket', { query: 'id < 3', format: 's', fields: 'Subject,Status' })).toBe(
      'RT/5.0.3+dfsg-3~deb12u6 200 Ok\n\nid\tSubject\tStatus\n1\tfirst\tnew\n2\tsecond\tnew\n\n\n',
    )
  })

  it('edits watchers from a form', async () => {
    const created = await rest1('ticket/new', { content: 'id: ticket/new\nQueue: General\nSubject: Watchers\nRequestor: alice@example.com' })
    expect(created).toContain('# Ticket 1 created.')
    expect(await rest1('ticket/1/edit', { content: 'Requestors: bob@example.com\nCc: carol@example.com' })).toContain('# Ticket 1 updated.')
    expect(await rest1('ticket/1/show', { fields: 'Requestors,Cc' })).toContain('Requestors: bob@example.com\nCc: carol@example.com\n')
  })
})

describe('simulator knobs', () => {
  it('plays faults in the conformance vocabulary, then answers normally', async () => {
    simulator.faults.inject({ kind: 'status', status: 503, retryAfterSeconds: 2 })
    const failed = await fetch(`${server.url}/REST/2.0/rt`, { headers: { authorization: `token ${simulator.credentials.token}` } })
    expect([failed.status, failed.headers.get('retry-after')]).toEqual([503, '2'])
    simulator.faults.inject({ kind: 'html' })
    const page = await fetch(`${server.url}/REST/2.0/rt`)
    expect([page.status, page.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8'])
    simulator.faults.inject({ kind: 'reset' })
    await expect(fetch(`${server.url}/REST/2.0/rt`)).rejects.toThrow()
    expect(simulator.faults.pending).toBe(0)
    expect((await rest2('GET', '/rt')).status).toBe(200)
  })

  it("seeds tickets through RT's own logic and resets to a fresh RT", async () => {
    await simulator.seedTickets(3, 'MARKER')
    const found = (await rest2('GET', `/tickets?query=${encodeURIComponent("Subject LIKE 'MARKER'")}`)).json
    expect(found).toMatchObject({ total: 3 })
    simulator.reset()
    expect(simulator.state.tickets.size).toBe(0)
    expect((await createTicket()).toString()).toBe('1')
  })

  it('builds _url from a configured base URL, whatever origin was called', async () => {
    const configured = createRtSimulator({ baseUrl: 'http://rt.internal:8080/' })
    const served = await configured.serve()
    try {
      const answer = await fetch(`${served.url}/REST/2.0/queue/1`, { headers: { authorization: `token ${configured.credentials.token}` } })
      expect(await answer.json()).toMatchObject({ _hyperlinks: [{ ref: 'self', _url: 'http://rt.internal:8080/REST/2.0/queue/1' }, {}, {}] })
    } finally {
      await served.close()
    }
  })

  it('refuses nonsensical options with a ConfigurationError naming the option', () => {
    expect(() => createRtSimulator({ latencyMs: -1 })).toThrow(ConfigurationError)
    expect(() => createRtSimulator({ baseUrl: 'not a url' })).toThrow(expect.objectContaining({ option: 'baseUrl' }))
    expect(() => createRtSimulator({ credentials: { token: 'abc' } })).toThrow(expect.objectContaining({ option: 'credentials.token' }))
  })
})

describe('REST 1.0 user and queue search, and user creation (as the real RT 5.0.3 answers them)', () => {
  /** The answer without its status line's version: `200 Ok`, then the body. */
  const answerOf = (text: string) => text.replace(/^RT\/\S+ /, '')

  it('lists privileged users without a query, every user but RT_System and Nobody with one, by name unless ordered', async () => {
    expect(answerOf(await rest1('search/user', { query: '', format: 'i' }))).toBe('200 Ok\n\nuser/27\nuser/14\n\n\n')
    const created = answerOf(await rest1('user/new', { content: 'id: user/new\nName: probe-unpriv\nEmailAddress: probe@example.com' }))
    expect(created).toMatch(/^200 Ok\n\n# User \d+ created\.\n/)
    const probeId = /User (\d+) created/.exec(created)![1]
    expect(answerOf(await rest1('search/user', { query: 'id > 0', format: 'i' }))).toBe(`200 Ok\n\nuser/27\nuser/${probeId}\nuser/14\n\n\n`)
    expect(answerOf(await rest1('search/user', { query: 'id > 0', format: 's', orderby: '-id' }))).toBe(
      `200 Ok\n\n${probeId}: probe-unpriv\n27: guest\n14: root\n\n\n`,
    )
    expect(answerOf(await rest1('search/user', { query: "EmailAddress = 'PROBE@example.com'", format: 'i' }))).toBe(`200 Ok\n\nuser/${probeId}\n\n\n`)
    expect(answerOf(await rest1('search/user', { query: "Name LIKE 'probe' AND id > 0", format: 's' }))).toBe(
      `200 Ok\n\n${probeId}: probe-unpriv\n\n\n`,
    )
  })

  it('answers no match, an unknown field and the queue list as RT does', async () => {
    expect(answerOf(await rest1('search/user', { query: "Name = 'nobody-here'", format: 's' }))).toBe('200 Ok\n\nNo matching results.\n\n\n')
    expect(answerOf(await rest1('search/user', { query: "EmailAddress = 'nobody@x.example'", format: 'i' }))).toBe('200 Ok\n\n\n\n')
    expect(answerOf(await rest1('search/user', { query: "Foo = 'x'", format: 'i' }))).toBe('400 Bad Request\n\nInvalid field specification: Foo\n\n')
    expect(answerOf(await rest1('search/queue', { query: '', format: 's' }))).toBe('200 Ok\n\n1: General\n\n\n')
    expect(answerOf(await rest1('search/queue', { query: "Name = 'General'", format: 'i' }))).toBe('200 Ok\n\nqueue/1\n\n\n')
  })

  it('creates a user, names one without a Name by its address, and refuses a name already taken', async () => {
    expect(answerOf(await rest1('user/new', { content: 'id: user/new\nName: probe2\nEmailAddress: probe2@example.com' }))).toMatch(
      /^200 Ok\n\n# User \d+ created\./,
    )
    expect(answerOf(await rest1('user/new', { content: 'id: user/new\nName: probe2\nEmailAddress: probe2@example.com' }))).toBe(
      '400 Bad Request\n\n# Could not create user.\n\n\n',
    )
    const byAddress = answerOf(await rest1('user/new', { content: 'id: user/new\nEmailAddress: probe3@example.com' }))
    const id = /User (\d+) created/.exec(byAddress)![1]
    expect(answerOf(await rest1(`user/${id}`))).toContain('Name: probe3@example.com')
  })
})
