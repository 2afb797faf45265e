import {
  AuthenticationError,
  InvalidResponseError,
  NetworkError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  ServerError,
  TimeoutError,
  ValidationError,
} from '@ticketbridge/core'
import { delay, http, HttpResponse } from 'msw'
import { afterEach, describe, expect, it } from 'vitest'
import { parseHaloValidationIssues } from './halo-classify-error'
import { HaloClient } from './halo-client'
import { type MockHalo, mockClientSettings, mockOrigin, startMockHalo } from './__fixtures__/mock-halo-instance'

let mock: MockHalo | undefined
afterEach(() => {
  mock?.close()
  mock = undefined
})

/** A client whose every GET /Tickets/1 answers `answer` (after a valid token). */
function clientAnswering(answer: () => Response | Promise<Response>, settings: Record<string, unknown> = {}) {
  const calls: number[] = []
  mock = startMockHalo({
    handlers: () => [
      http.get(`${mockOrigin}/api/Tickets/1`, () => {
        calls.push(Date.now())
        return answer()
      }),
      http.post(`${mockOrigin}/api/Tickets`, () => {
        calls.push(Date.now())
        return answer()
      }),
    ],
  })
  return { client: new HaloClient(mockClientSettings(settings)), calls }
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail')
    },
    (error: unknown) => error,
  )
}

const json = (body: unknown, status: number, headers: Record<string, string> = {}) => HttpResponse.json(body as never, { status, headers })
const text = (body: string, status: number, headers: Record<string, string> = {}) =>
  new HttpResponse(body, { status, headers: { 'content-type': 'text/plain', ...headers } })

describe('Halo error answers', () => {
  it('a bare JSON string 400 is a ValidationError whose issue names the field', async () => {
    const { client } = clientAnswering(() => json('An Outcome must be entered for this Action', 400))
    const error = await failure(client.tickets.create({ summary: 'x' }))
    expect(ValidationError.isInstance(error)).toBe(true)
    expect((error as ValidationError).issues).toEqual([{ field: 'outcome', message: 'An Outcome must be entered for this Action' }])
    expect((error as ValidationError).bodyExcerpt).toContain('An Outcome must be entered')
  })

  it('{ ClassName, Message } and { resultCode, errorMessage } bodies are read', async () => {
    const { client } = clientAnswering(() => json({ ClassName: 'System.Exception', Message: 'Details is a mandatory field' }, 400))
    const error = (await failure(client.tickets.create({ summary: 'x' }))) as ValidationError
    expect(error.issues).toEqual([{ field: 'details', message: 'Details is a mandatory field' }])
    mock!.close()
    const second = clientAnswering(() => json({ resultCode: 1, errorMessage: "Priority 9 is not valid for SLA 'Standard'." }, 400))
    const refused = (await failure(second.client.tickets.create({ summary: 'x' }))) as ValidationError
    expect(refused.message).toContain("Priority 9 is not valid for SLA 'Standard'")
  })

  it('a 500 carrying a validation message is a ValidationError, not a retryable server error', async () => {
    const { client, calls } = clientAnswering(() => json({ ClassName: 'System.Exception', Message: 'Category is a mandatory field' }, 500))
    const error = await failure(client.tickets.get(1))
    expect(ValidationError.isInstance(error)).toBe(true)
    expect((error as ValidationError).status).toBe(500)
    expect(calls).toHaveLength(1)
  })

  it('401, 403 and 404 map to AuthenticationError, PermissionError and NotFoundError', async () => {
    const { client } = clientAnswering(() => json({ Message: 'Authorization has been denied for this request.' }, 403))
    const forbidden = await failure(client.tickets.get(1))
    expect(PermissionError.isInstance(forbidden)).toBe(true)
    expect((forbidden as PermissionError).message).toContain('Authorization has been denied')
    mock!.close()
    const missing = await failure(
      clientAnswering(() => json({ ClassName: 'System.Exception', Message: 'Ticket 1 not found.' }, 404)).client.tickets.get(1),
    )
    expect(NotFoundError.isInstance(missing)).toBe(true)
    mock!.close()
    const refused = await failure(clientAnswering(() => new HttpResponse(null, { status: 401 })).client.tickets.get(1))
    expect(AuthenticationError.isInstance(refused)).toBe(true)
  })

  it('a 429 without Retry-After waits the configured Halo back-off, then surfaces as RateLimitError with the delay', async () => {
    const { client, calls } = clientAnswering(() => text('Rate Limit Reached - 300 Requests per rolling 5 minute window', 429), {
      retry: { maxRetries: 1, rateLimitDelayMs: { min: 60, max: 80 } },
    })
    const error = await failure(client.tickets.get(1))
    expect(RateLimitError.isInstance(error)).toBe(true)
    const limited = error as RateLimitError
    expect(limited.retryAfterMs).toBeGreaterThanOrEqual(60)
    expect(limited.retryAfterMs).toBeLessThanOrEqual(80)
    expect(limited.message).toContain('Rate Limit Reached')
    expect(calls).toHaveLength(2)
    expect(calls[1]! - calls[0]!).toBeGreaterThanOrEqual(55)
  })

  it('a 429 with Retry-After is honoured as sent, and a POST is retried after a 429 only', async () => {
    let answered = 0
    const { client, calls } = clientAnswering(() =>
      ++answered === 1 ? text('Rate Limit Reached', 429, { 'retry-after': '0.1' }) : json({ id: 9, summary: 'x' }, 200),
    )
    const created = await client.tickets.create({ summary: 'x' })
    expect(created.id).toBe(9)
    expect(calls[1]! - calls[0]!).toBeGreaterThanOrEqual(90)
    mock!.close()
    const outage = clientAnswering(() =>
      json({ ClassName: 'System.NullReferenceException', Message: 'Object reference not set to an instance of an object.' }, 500),
    )
    const error = await failure(outage.client.tickets.create({ summary: 'x' }))
    expect(ServerError.isInstance(error)).toBe(true)
    expect(outage.calls).toHaveLength(1)
  })

  it('reads are retried through 5xx, and a lasting outage is a ServerError', async () => {
    const { client, calls } = clientAnswering(() => json({ Message: 'Service unavailable' }, 503))
    const error = await failure(client.tickets.get(1))
    expect(ServerError.isInstance(error)).toBe(true)
    expect(calls).toHaveLength(3)
  })

  it('HTML where JSON was due is an InvalidResponseError that points at the base URL', async () => {
    const { client } = clientAnswering(
      () =>
        new HttpResponse('<!DOCTYPE html><html><body><div id="root"></div></body></html>', { status: 200, headers: { 'content-type': 'text/html' } }),
    )
    const error = await failure(client.tickets.get(1))
    expect(InvalidResponseError.isInstance(error)).toBe(true)
    expect((error as InvalidResponseError).message).toContain('base URL')
  })

  it('dropped connections are NetworkError, slow answers TimeoutError', async () => {
    const { client } = clientAnswering(() => HttpResponse.error())
    expect(NetworkError.isInstance(await failure(client.tickets.get(1)))).toBe(true)
    mock!.close()
    const slow = clientAnswering(async () => {
      await delay(500)
      return json({ id: 1 }, 200)
    })
    const error = await failure(slow.client.tickets.get(1, {}, { timeoutMs: 50 }))
    expect(TimeoutError.isInstance(error)).toBe(true)
  })
})

describe('parseHaloValidationIssues', () => {
  it('splits sentences and names the fields they mention', () => {
    expect(parseHaloValidationIssues("Details is a mandatory field\nThe field 'Category' is required. Invalid advanced search parameter")).toEqual([
      { field: 'details', message: 'Details is a mandatory field' },
      { field: 'category', message: "The field 'Category' is required" },
      { message: 'Invalid advanced search parameter' },
    ])
    expect(parseHaloValidationIssues('Something went wrong')).toEqual([{ message: 'Something went wrong' }])
    expect(parseHaloValidationIssues(undefined)).toEqual([])
  })
})
