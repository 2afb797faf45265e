import {
  AuthenticationError,
  InvalidResponseError,
  NotFoundError,
  PermissionError,
  ServerError,
  type TicketbridgeError,
  ValidationError,
} from '@ticketbridge/core'
import { describe, expect, it } from 'vitest'
import { listRtFixtures, readRtFixture, type RtFixture } from './__fixtures__/read-rt-fixture'
import { classifyRest1Response } from './rt-rest1-classify-error'

function classify(fixture: RtFixture): TicketbridgeError | undefined {
  return classifyRest1Response({
    method: fixture.method,
    url: fixture.url,
    status: fixture.httpStatus,
    headers: fixture.headers,
    requestId: 'req_test',
    text: () => fixture.text,
  })
}

type ErrorClass = { name: string; isInstance(error: unknown): boolean }

/** Every REST 1.0 error answer recorded from RT 5.0.3, with the class it must become. */
const errorCases: [string, ErrorClass, number, RegExp][] = [
  ['rest1/01-login-bad-password', AuthenticationError, 401, /refused the credentials/],
  ['rest1/02-no-credentials', AuthenticationError, 401, /refused the credentials/],
  ['rest1/06-ticket-new-bad-queue', ValidationError, 400, /Queue not set/],
  ['rest1/10-ticket-edit-unknown-field', ValidationError, 409, /foo: Unknown field.*applied the other fields/],
  ['rest1/11-ticket-edit-invalid-status', ValidationError, 409, /Status 'bogus' isn't a valid status/],
  ['rest1/26-search-ticket-invalid-query', ValidationError, 400, /Unknown field: Foo/],
  ['rest1/28-ticket-not-found', NotFoundError, 404, /Ticket 999 does not exist/],
  ['rest1/29-ticket-edit-not-found', NotFoundError, 404, /Ticket 999 does not exist/],
  ['rest1/30-ticket-comment-not-found', NotFoundError, 404, /Ticket 999 does not exist/],
  ['rest1/32-user-not-found', NotFoundError, 404, /No user named nosuchuser exists/],
  ['rest1/34-queue-not-found', NotFoundError, 404, /No queue named NoSuchQueue exists/],
  ['rest1/35-guest-ticket-show-denied', PermissionError, 403, /not allowed to display ticket 1/],
  ['rest1/36-guest-ticket-edit-denied', PermissionError, 403, /not allowed to modify ticket 1/],
  ['rest1/37-guest-ticket-new-denied', PermissionError, 403, /No permission to create tickets in the queue 'General'/],
  ['rest1/38-guest-comment-denied', PermissionError, 403, /not allowed to Comment on ticket 1/],
  ['rest1/39-guest-queue-show-crash', ServerError, 500, /Can't call method "Id" on an undefined value.*without an RT status line/],
  ['rest1/41-basic-auth-rejected', AuthenticationError, 401, /does not accept HTTP basic authentication/],
  ['rest1/43-ticket-comment-missing-attachment', ValidationError, 400, /No attachment for missing.txt/],
  ['rest1/45-after-logout', AuthenticationError, 401, /refused the credentials/],
]

describe('classifyRest1Response on the recorded RT 5.0.3 answers', () => {
  it.each(errorCases)('%s is %o', (name, errorClass, status, message) => {
    const error = classify(readRtFixture(name))
    expect(error, `${name} must be an error`).toBeDefined()
    expect(errorClass.isInstance(error)).toBe(true)
    expect((error as { status?: number }).status).toBe(status)
    expect(error!.message).toMatch(message)
    expect(error!.vendor).toBe('rt')
  })

  it('treats every other recorded REST 1.0 answer as a success', () => {
    const errors = new Set(errorCases.map(([name]) => name))
    const successes = listRtFixtures('rest1').filter((name) => !errors.has(name))
    // Logins, creates, shows, edits, comments, listings, content (text and binary), history,
    // searches (with and without results), users, queues, token auth, the empty no-change edit, logout.
    expect(successes).toHaveLength(26)
    for (const name of successes) expect(classify(readRtFixture(name)), name).toBeUndefined()
  })

  it('names each refused field of a 409 as an issue', () => {
    const unknownField = classify(readRtFixture('rest1/10-ticket-edit-unknown-field')) as ValidationError
    expect(unknownField.issues).toEqual([{ field: 'foo', message: 'Unknown field.' }])
    const invalidStatus = classify(readRtFixture('rest1/11-ticket-edit-invalid-status')) as ValidationError
    expect(invalidStatus.issues).toEqual([{ field: 'Status', message: "Status 'bogus' isn't a valid status for this ticket." }])
  })

  it('names the query of an invalid search and the queue of a failed create', () => {
    const query = classify(readRtFixture('rest1/26-search-ticket-invalid-query')) as ValidationError
    expect(query.issues[0]!.field).toBe('query')
    expect(query.issues[0]!.message).not.toMatch(/Stack|\.pm line/)
    const create = classify(readRtFixture('rest1/06-ticket-new-bad-queue')) as ValidationError
    expect(create.issues).toEqual([{ field: 'Queue', message: 'Queue not set' }])
  })

  it('does not retry a Perl crash, which repeats identically', () => {
    expect((classify(readRtFixture('rest1/39-guest-queue-show-crash')) as ServerError).retryable).toBe(false)
  })

  it('leaves non-200 answers to the transport and refuses HTML', () => {
    const text = () => '{"error":"Injected HTTP 503"}'
    expect(
      classifyRest1Response({ method: 'GET', url: 'http://127.0.0.1/REST/1.0/ticket/1/show', status: 503, headers: {}, requestId: 'r', text }),
    ).toBeUndefined()
    const html = classifyRest1Response({
      method: 'GET',
      url: 'http://127.0.0.1/REST/1.0/ticket/1/show',
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8' },
      requestId: 'r',
      text: () => '<!DOCTYPE html><html><body>Login</body></html>',
    })
    expect(InvalidResponseError.isInstance(html)).toBe(true)
  })
})
