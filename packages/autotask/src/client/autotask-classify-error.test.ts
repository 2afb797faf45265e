import { inspect } from 'node:util'
import { AuthenticationError, NotFoundError, PermissionError, RateLimitError, ServerError, ValidationError } from '@ticketbridge/core'
import { createMockServer } from '@ticketbridge/testkit'
import { http, HttpResponse } from 'msw'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { createTestClient, testApiBase, testCredentials } from './__fixtures__/autotask-test-tenant'
import { classifyAutotaskMessages, fieldOfAutotaskMessage, readAutotaskErrors } from './autotask-classify-error'

const server = createMockServer([])
afterEach(() => server.reset())
afterAll(() => server.close())

/** A GET /Tickets/{id} handler that answers `answers` in turn (the last one repeats), counting calls. */
function ticketAnswers(...answers: (() => Response)[]): { calls: () => number } {
  let calls = 0
  server.use(
    http.get(`${testApiBase}/Tickets/:id`, () => {
      const answer = answers[Math.min(calls, answers.length - 1)]!
      calls += 1
      return answer()
    }),
  )
  return { calls: () => calls }
}

const errors =
  (status: number, messages: unknown[], headers: Record<string, string> = {}) =>
  () =>
    HttpResponse.json({ errors: messages }, { status, headers })
const ticket = () => HttpResponse.json({ item: { id: 7, title: 'Printer' } })

describe('HTTP 500 bodies are classified before retries', () => {
  it('turns a validation message into ValidationError with the field, and does not retry it', async () => {
    const answers = ticketAnswers(
      errors(500, ['Value does not reference an existing entity for taskType', 'String value exceeds maximum length (field:description)']),
    )
    const error = await createTestClient()
      .tickets.get(7)
      .catch((caught: unknown) => caught)
    expect(ValidationError.isInstance(error)).toBe(true)
    expect((error as ValidationError).status).toBe(500)
    expect((error as ValidationError).issues).toEqual([
      { field: 'taskType', message: 'Value does not reference an existing entity for taskType' },
      { field: 'description', message: 'String value exceeds maximum length (field:description)' },
    ])
    expect(answers.calls()).toBe(1)
  })

  it('reads errors given as objects with a message and a field', async () => {
    ticketAnswers(errors(500, [{ message: 'Missing Required Field', field: 'title' }]))
    const error = await createTestClient()
      .tickets.get(7)
      .catch((caught: unknown) => caught)
    expect((error as ValidationError).issues).toEqual([{ field: 'title', message: 'Missing Required Field (field:title)' }])
  })

  it('turns an unknown username into AuthenticationError at once', async () => {
    const answers = ticketAnswers(errors(500, ['Zone information could not be determined']))
    const error = await createTestClient()
      .tickets.get(7)
      .catch((caught: unknown) => caught)
    expect(AuthenticationError.isInstance(error) && error.status).toBe(500)
    expect((error as Error).message).toContain('username')
    expect(answers.calls()).toBe(1)
  })

  it('turns a bad integration code into AuthenticationError at once', async () => {
    const answers = ticketAnswers(errors(500, ['IntegrationCode is invalid.']))
    const error = await createTestClient()
      .tickets.get(7)
      .catch((caught: unknown) => caught)
    expect(AuthenticationError.isInstance(error)).toBe(true)
    expect((error as Error).message).toContain('integration code')
    expect(answers.calls()).toBe(1)
  })

  it('retries a thread-limit refusal after a pause, then succeeds', async () => {
    const answers = ticketAnswers(errors(500, ['The thread threshold of 3 threads has been exceeded for this endpoint. (Itgenatr005)']), ticket)
    const retries: number[] = []
    const client = createTestClient({ onRetry: (event) => retries.push(event.delayMs) })
    expect((await client.tickets.get(7)).title).toBe('Printer')
    expect(answers.calls()).toBe(2)
    // The delay came from the classification (capped by the test policy), not from backoff.
    expect(retries).toEqual([20])
  })

  it('surfaces a lasting thread limit as RateLimitError with its delay', async () => {
    ticketAnswers(errors(429, ['thread threshold exceeded']))
    const error = await createTestClient({ retry: { maxRetries: 1, maximumRetryAfterMs: 5, baseDelayMs: 1 } })
      .tickets.get(7)
      .catch((caught: unknown) => caught)
    expect(RateLimitError.isInstance(error)).toBe(true)
    expect((error as RateLimitError).retryAfterMs).toBe(1000)
  })

  it('classifies the hourly threshold as RateLimitError, honouring Retry-After when sent', async () => {
    ticketAnswers(errors(500, ['The request threshold has been exceeded for this database.'], { 'retry-after': '3' }))
    const error = await createTestClient({ retry: { maxRetries: 0 } })
      .tickets.get(7)
      .catch((caught: unknown) => caught)
    expect(RateLimitError.isInstance(error) && error.retryAfterMs).toBe(3000)
  })

  it('turns a missing right into PermissionError', async () => {
    ticketAnswers(errors(500, ['User does not have the adequate permissions to perform this action.']))
    expect(
      PermissionError.isInstance(
        await createTestClient()
          .tickets.get(7)
          .catch((caught: unknown) => caught),
      ),
    ).toBe(true)
  })

  it('treats an unexpected error as a retryable ServerError', async () => {
    const answers = ticketAnswers(errors(500, ['An unexpected error has occurred. Please contact support. Error ID: 54634']), ticket)
    expect((await createTestClient().tickets.get(7)).id).toBe(7)
    expect(answers.calls()).toBe(2)
  })

  it('keeps gateways and 429s what their status says', async () => {
    const outage = ticketAnswers(errors(503, ['Service Unavailable']), ticket)
    expect((await createTestClient().tickets.get(7)).id).toBe(7)
    expect(outage.calls()).toBe(2)
    server.reset()
    ticketAnswers(errors(429, ['Too many requests'], { 'retry-after': '0.01' }))
    const error = await createTestClient({ retry: { maxRetries: 0 } })
      .tickets.get(7)
      .catch((caught: unknown) => caught)
    expect(RateLimitError.isInstance(error) && error.status).toBe(429)
  })
})

describe('status-based answers', () => {
  it('maps 401 to AuthenticationError', async () => {
    ticketAnswers(() => new HttpResponse(null, { status: 401 }))
    const error = await createTestClient()
      .tickets.get(7)
      .catch((caught: unknown) => caught)
    expect(AuthenticationError.isInstance(error) && error.status).toBe(401)
  })

  it('maps 404 and an answer with item null to NotFoundError', async () => {
    ticketAnswers(() => HttpResponse.json({ Message: 'Not Found' }, { status: 404 }))
    expect(
      NotFoundError.isInstance(
        await createTestClient()
          .tickets.get(7)
          .catch((caught: unknown) => caught),
      ),
    ).toBe(true)
    server.reset()
    ticketAnswers(() => HttpResponse.json({ item: null }))
    const error = await createTestClient()
      .tickets.get(7)
      .catch((caught: unknown) => caught)
    expect(NotFoundError.isInstance(error) && error.status).toBe(404)
  })

  it('keeps a 500 without an errors body a ServerError', async () => {
    ticketAnswers(() => new HttpResponse('<html>boom</html>', { status: 500, headers: { 'content-type': 'text/html' } }))
    const error = await createTestClient({ retry: { maxRetries: 0 } })
      .tickets.get(7)
      .catch((caught: unknown) => caught)
    expect(ServerError.isInstance(error)).toBe(true)
  })
})

describe('no secret in errors', () => {
  it('keeps the secret and the integration code out of every error, even when Autotask echoes them', async () => {
    ticketAnswers(
      errors(500, [`Login failed for ${testCredentials.username} with secret ${testCredentials.secret} and code ${testCredentials.integrationCode}`]),
    )
    const error = await createTestClient()
      .tickets.get(7)
      .catch((caught: unknown) => caught)
    const renderings = [String(error), JSON.stringify(error), inspect(error, { depth: 10 }), (error as Error).stack ?? '']
    for (const text of renderings) {
      expect(text).not.toContain(testCredentials.secret)
      expect(text).not.toContain(testCredentials.integrationCode)
    }
  })
})

describe('message reading', () => {
  it('reads strings, objects and the ASP.NET Message', () => {
    expect(readAutotaskErrors({ errors: ['a', { message: 'b' }, 3] })).toEqual(['a', 'b'])
    expect(readAutotaskErrors({ Message: 'The requested resource does not support http method GET.' })).toEqual([
      'The requested resource does not support http method GET.',
    ])
    expect(readAutotaskErrors('plain')).toEqual([])
  })

  it('names the kind of each known message', () => {
    expect(classifyAutotaskMessages(['Zone information could not be determined'])).toBe('unknown-user')
    expect(classifyAutotaskMessages(['IntegrationCode is invalid.'])).toBe('invalid-integration-code')
    expect(classifyAutotaskMessages(['thread threshold of 3 threads has been exceeded'])).toBe('thread-limit')
    expect(classifyAutotaskMessages(['maxCountOfRecordsToReturn must be between 1 and 500'])).toBe('validation')
    expect(classifyAutotaskMessages([])).toBeUndefined()
    expect(fieldOfAutotaskMessage('Unable to find foo in the Ticket Entity.')).toBe('foo')
    expect(fieldOfAutotaskMessage('Missing Required Field: title')).toBe('title')
  })
})
