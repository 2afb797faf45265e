import { inspect } from 'node:util'
import {
  AbortError,
  AuthenticationError,
  ConfigurationError,
  InvalidResponseError,
  NetworkError,
  NotFoundError,
  RateLimitError,
  ServerError,
  TimeoutError,
  ValidationError,
} from '@ticketbridge/core'
import axios from 'axios'
import { afterEach, describe, expect, it } from 'vitest'
import { createHttpTransport, type HttpTransportOptions, type TransportRateLimitEvent, type TransportRetryEvent } from './http-transport'
import { createRateLimiter } from './rate-limiter'
import { createManualClock } from './test-support/manual-clock'
import { startScriptedServer, type ResponseScript, type ScriptedResponse, type ScriptedServer } from './test-support/start-scripted-server'
import { createTokenManager } from './token-manager'
import type { LogFields, TransportLogger } from './transport-logger'

const servers: ScriptedServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

async function serve(script: ResponseScript | ScriptedResponse[]): Promise<ScriptedServer> {
  const server = await startScriptedServer(script)
  servers.push(server)
  return server
}

/** A transport whose retry waits are recorded instead of slept, with jitter fixed at one half. */
function transportFor(server: ScriptedServer, overrides: Partial<HttpTransportOptions> = {}) {
  const waits: number[] = []
  const retries: TransportRetryEvent[] = []
  const transport = createHttpTransport({
    vendor: 'testvendor',
    baseUrl: `${server.url}/api`,
    onRetry: (event) => retries.push(event),
    ...overrides,
    retry: {
      random: () => 0.5,
      sleep: async (delayMs) => {
        waits.push(delayMs)
      },
      ...overrides.retry,
    },
  })
  return { transport, waits, retries }
}

/** Polls (in real time, briefly) until a condition holds: for state reached through real sockets. */
async function waitUntil(condition: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 500 && !condition(); attempt++) await new Promise((resolve) => setTimeout(resolve, 5))
  expect(condition()).toBe(true)
}

/** A logger keeping every line as text, to search for leaks. */
function capturingLogger() {
  const lines: { level: string; message: string; fields: LogFields }[] = []
  const write =
    (level: string) =>
    (message: string, fields: LogFields = {}) =>
      lines.push({ level, message, fields })
  const logger: TransportLogger = { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') }
  return { logger, lines, text: () => lines.map((line) => `${line.level} ${line.message} ${JSON.stringify(line.fields)}`).join('\n') }
}

describe('createHttpTransport: requests and responses', () => {
  it('sends path, query, headers and JSON body, and returns the parsed answer with a request id', async () => {
    const server = await serve([{ status: 201, body: { id: 7 }, headers: { 'x-request-id': 'vendor-42' } }])
    const { transport } = transportFor(server, { defaultHeaders: { 'X-Client': 'ticketbridge' } })
    const response = await transport.post<{ id: number }>('/Tickets', [{ summary: 'VPN' }], {
      query: { ids: [1, 2], skip: undefined, open_only: true },
      headers: { 'X-Extra': 'yes' },
    })
    expect(response).toMatchObject({ data: { id: 7 }, status: 201, vendorRequestId: 'vendor-42', attempts: 1 })
    expect(response.requestId).toMatch(/^req_[0-9a-f]{16}$/)
    const [received] = server.requests
    expect(received).toMatchObject({ method: 'POST', url: '/api/Tickets?ids=1&ids=2&open_only=true', body: '[{"summary":"VPN"}]' })
    expect(received?.headers).toMatchObject({
      'x-client': 'ticketbridge',
      'x-extra': 'yes',
      'content-type': expect.stringContaining('application/json'),
    })
  })

  it('returns text and bytes when asked, and undefined for an empty JSON body', async () => {
    const server = await serve((request) =>
      request.url.endsWith('/empty')
        ? { status: 204 }
        : { status: 200, body: 'RT/4.4.3 200 Ok\n\n# Ticket 1 updated.', headers: { 'content-type': 'text/plain' } },
    )
    const { transport } = transportFor(server)
    await expect(transport.get('/text', { responseType: 'text' })).resolves.toMatchObject({ data: 'RT/4.4.3 200 Ok\n\n# Ticket 1 updated.' })
    const bytes = await transport.get<Uint8Array>('/bytes', { responseType: 'bytes' })
    expect(bytes.data).toBeInstanceOf(Uint8Array)
    expect(new TextDecoder().decode(bytes.data)).toContain('# Ticket 1 updated.')
    await expect(transport.delete('/empty')).resolves.toMatchObject({ status: 204, data: undefined })
  })

  it('fails with InvalidResponseError, pointing at the base URL, when a 2xx answer is HTML instead of JSON', async () => {
    const server = await serve([
      { status: 200, body: '<!DOCTYPE html><html><body>Halo login</body></html>', headers: { 'content-type': 'text/html' } },
    ])
    const { transport } = transportFor(server)
    const error = await transport.get('/Tickets').catch((caught: unknown) => caught)
    expect(InvalidResponseError.isInstance(error)).toBe(true)
    expect((error as Error).message).toMatch(/text\/html where JSON was expected/)
    expect((error as Error).message).toMatch(/base URL/)
    expect(server.requests).toHaveLength(1)
    // expect: 'any' accepts the text instead.
    await expect(transport.get('/Tickets', { expect: 'any' })).resolves.toMatchObject({ data: expect.stringContaining('Halo login') })
  })

  it('retries an idempotent read whose JSON answer was cut short, and never re-sends a POST for it', async () => {
    const cut = { status: 200, body: '{"tickets":[{"id":1,"summary":"Print', headers: { 'content-type': 'application/json; charset=utf-8' } }
    const server = await serve([cut, { status: 200, body: '{"tickets":[]}', headers: { 'content-type': 'application/json' } }, cut])
    const { transport, retries } = transportFor(server)
    await expect(transport.get('/Tickets')).resolves.toMatchObject({ data: { tickets: [] } })
    expect(retries).toHaveLength(1)
    const error = await transport.post('/Tickets', [{ summary: 'x' }]).catch((caught: unknown) => caught)
    expect(InvalidResponseError.isInstance(error) && error.retryable).toBe(true)
    // Says what happened, without contradicting itself.
    expect((error as Error).message).toMatch(/application\/json body that is not valid JSON/)
    expect((error as Error).message).not.toMatch(/where JSON was expected/)
    expect(server.requests).toHaveLength(3)
  })

  it('maps statuses to core errors with the vendor message from the body', async () => {
    const cases: [{ status: number; body: unknown }, (error: unknown) => boolean, RegExp][] = [
      [{ status: 404, body: { errorMessage: 'Ticket 9 not found' } }, NotFoundError.isInstance, /Ticket 9 not found/],
      [
        { status: 400, body: { errors: [{ message: 'Summary is required' }, 'Client is required'] } },
        ValidationError.isInstance,
        /Summary is required; Client is required/,
      ],
      [
        { status: 401, body: { error: 'invalid_client', error_description: 'Client authentication failed' } },
        AuthenticationError.isInstance,
        /Client authentication failed/,
      ],
      [{ status: 429, body: 'Rate Limit Reached - 300 Requests per rolling 5 minute window' }, RateLimitError.isInstance, /300 Requests per rolling/],
      [{ status: 500, body: { Message: 'An error has occurred.' } }, ServerError.isInstance, /An error has occurred/],
    ]
    for (const [response, isExpected, message] of cases) {
      const server = await serve([response])
      const { transport } = transportFor(server, { retry: { maxRetries: 0 } })
      const error = await transport.get('/Tickets/9').catch((caught: unknown) => caught)
      expect(isExpected(error)).toBe(true)
      expect((error as Error).message).toMatch(message)
      expect(error).toMatchObject({ status: response.status, method: 'GET', vendor: 'testvendor' })
    }
  })

  it('uses an injected axios instance', async () => {
    const seen: string[] = []
    const axiosInstance = axios.create({
      adapter: async (config) => {
        seen.push(`${config.method} ${config.url}`)
        return { data: Buffer.from('{"injected":true}'), status: 200, statusText: 'OK', headers: {}, config }
      },
    })
    const transport = createHttpTransport({ vendor: 'memory', baseUrl: 'https://vendor.invalid/api', axiosInstance })
    await expect(transport.get('/ping')).resolves.toMatchObject({ data: { injected: true } })
    expect(seen).toEqual(['get https://vendor.invalid/api/ping'])
  })

  it('refuses to send credentials to another origin', async () => {
    const server = await serve([{ status: 200, body: {} }])
    const { transport } = transportFor(server)
    await expect(transport.request({ method: 'GET', url: 'https://elsewhere.example/api/Tickets/query/next' })).rejects.toThrow(ConfigurationError)
    await expect(transport.request({ method: 'GET', url: `${server.url}/api/Tickets/query/next?paging=1` })).resolves.toMatchObject({ status: 200 })
    expect(() => createHttpTransport({ vendor: 'halo', baseUrl: 'acme.halopsa.com' })).toThrow(/baseUrl/)
  })
})

describe('createHttpTransport: retries', () => {
  it('waits the Retry-After seconds', async () => {
    const server = await serve([
      { status: 429, headers: { 'Retry-After': '2' } },
      { status: 200, body: { ok: true } },
    ])
    const { transport, waits, retries } = transportFor(server)
    await expect(transport.get('/Tickets')).resolves.toMatchObject({ data: { ok: true }, attempts: 2 })
    expect(waits).toEqual([2_000])
    expect(retries[0]).toMatchObject({ attempt: 1, delayMs: 2_000, delaySource: 'retry-after' })
  })

  it('waits the retry-after-ms milliseconds', async () => {
    const server = await serve([
      { status: 503, headers: { 'retry-after-ms': '1250' } },
      { status: 200, body: {} },
    ])
    const { transport, waits } = transportFor(server)
    await transport.get('/Tickets')
    expect(waits).toEqual([1_250])
  })

  it('waits until a Retry-After HTTP date', async () => {
    const server = await serve(() => ({ status: 429, headers: { 'Retry-After': new Date(Date.now() + 10_000).toUTCString() } }))
    const { transport, waits } = transportFor(server, { retry: { maxRetries: 1 } })
    await expect(transport.get('/Tickets')).rejects.toSatisfy(RateLimitError.isInstance)
    // HTTP dates have whole seconds: the wait lies within the last second before the date.
    expect(waits).toHaveLength(1)
    expect(waits[0]).toBeGreaterThan(8_000)
    expect(waits[0]).toBeLessThanOrEqual(10_000)
  })

  it('falls back to jittered backoff when no Retry-After is given', async () => {
    const server = await serve([{ status: 503 }, { status: 502 }, { status: 504 }, { status: 200, body: {} }])
    const { transport, waits, retries } = transportFor(server)
    await transport.get('/Tickets')
    expect(waits).toEqual([250, 500, 1_000])
    expect(retries.map((event) => event.delaySource)).toEqual(['backoff', 'backoff', 'backoff'])
  })

  it('caps a Retry-After beyond the maximum', async () => {
    const server = await serve([
      { status: 429, headers: { 'Retry-After': '86400' } },
      { status: 200, body: {} },
    ])
    const { transport, waits } = transportFor(server, { retry: { maximumRetryAfterMs: 45_000 } })
    await transport.get('/Tickets')
    expect(waits).toEqual([45_000])
  })

  it('does not retry a POST on 503, but does on 429', async () => {
    const unavailable = await serve([{ status: 503 }, { status: 201, body: { id: 1 } }])
    const first = transportFor(unavailable)
    await expect(first.transport.post('/Tickets', [{ summary: 'once' }])).rejects.toSatisfy(ServerError.isInstance)
    expect(unavailable.requests).toHaveLength(1)

    const limited = await serve([{ status: 429 }, { status: 201, body: { id: 1 } }])
    const second = transportFor(limited)
    await expect(second.transport.post('/Tickets', [{ summary: 'twice' }])).resolves.toMatchObject({ data: { id: 1 } })
    expect(limited.requests).toHaveLength(2)
  })

  it('retries a POST marked idempotent, such as a query', async () => {
    const server = await serve([{ status: 503 }, { status: 200, body: { items: [] } }])
    const { transport } = transportFor(server)
    await expect(transport.post('/Tickets/query', { filter: [] }, { idempotent: true })).resolves.toMatchObject({ attempts: 2 })
  })

  it('retries a GET after 503, 502 and a connection reset, then succeeds', async () => {
    const server = await serve([{ status: 503 }, { status: 502 }, { reset: true }, { status: 200, body: { ok: true } }])
    const { transport, retries } = transportFor(server)
    await expect(transport.get('/Tickets/1')).resolves.toMatchObject({ data: { ok: true }, attempts: 4 })
    expect(server.requests).toHaveLength(4)
    expect(retries.map((event) => (event.error as Error).name)).toEqual(['ServerError', 'ServerError', 'NetworkError'])
  })

  it('gives up after maxRetries with the last error', async () => {
    const server = await serve([{ status: 503 }])
    const { transport } = transportFor(server, { retry: { maxRetries: 2 } })
    await expect(transport.get('/Tickets')).rejects.toSatisfy(ServerError.isInstance)
    expect(server.requests).toHaveLength(3)
  })

  it('lets classifyError decide before retries: an Autotask-style 500 validation error is not retried', async () => {
    const server = await serve([{ status: 500, body: { errors: ['Value does not exist for the required field priority.'] } }])
    const { transport } = transportFor(server, {
      classifyError: (response) => {
        const body = response.json() as { errors?: string[] } | undefined
        if (response.status === 500 && body?.errors?.some((text) => /required field/.test(text))) {
          return new ValidationError('Autotask refused the ticket', {
            status: response.status,
            vendor: response.vendor,
            url: response.url,
            issues: body.errors.map((message) => ({ message })),
          })
        }
        return undefined
      },
    })
    const error = await transport.get('/Tickets').catch((caught: unknown) => caught)
    expect(ValidationError.isInstance(error)).toBe(true)
    expect(server.requests).toHaveLength(1)
  })

  it('lets classifyError turn an RT 200 answer into NotFoundError', async () => {
    const server = await serve([{ status: 200, body: 'RT/4.4.3 200 Ok\n\n# Ticket 9 does not exist.\n', headers: { 'content-type': 'text/plain' } }])
    const { transport } = transportFor(server, {
      classifyError: (response) =>
        /^# Ticket (\d+) does not exist\./m.test(response.text())
          ? new NotFoundError('Ticket does not exist', { status: 404, vendor: 'rt' })
          : undefined,
    })
    await expect(transport.get('/REST/1.0/ticket/9/show', { responseType: 'text' })).rejects.toSatisfy(NotFoundError.isInstance)
  })

  it('surfaces an abort as AbortError and never retries it', async () => {
    let received: () => void = () => undefined
    const arrived = new Promise<void>((resolve) => (received = resolve))
    const server = await serve(() => {
      received()
      return { hang: true }
    })
    const { transport, retries } = transportFor(server)
    const controller = new AbortController()
    const call = transport.get('/Tickets', { signal: controller.signal })
    await arrived
    controller.abort()
    await expect(call).rejects.toSatisfy(AbortError.isInstance)
    expect(server.requests).toHaveLength(1)
    expect(retries).toEqual([])
  })

  it('surfaces a timeout as TimeoutError after the retries', async () => {
    const server = await serve([{ hang: true }])
    const { transport } = transportFor(server, { timeoutMs: 100, retry: { maxRetries: 1 } })
    const error = await transport.get('/Tickets').catch((caught: unknown) => caught)
    expect(TimeoutError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({ timeoutMs: 100, method: 'GET' })
    expect(server.requests).toHaveLength(2)
  })

  it('applies a per-call timeout', async () => {
    const server = await serve([{ hang: true }])
    const { transport } = transportFor(server, { timeoutMs: 60_000 })
    await expect(transport.post('/Tickets', {}, { timeoutMs: 50 })).rejects.toSatisfy(TimeoutError.isInstance)
  })

  it('maps a refused connection to NetworkError with a plain cause', async () => {
    const server = await serve([{ status: 200 }])
    await server.close()
    const { transport, retries } = transportFor(server, { retry: { maxRetries: 2 } })
    const error = await transport.get('/Tickets').catch((caught: unknown) => caught)
    expect(NetworkError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({ code: 'ECONNREFUSED' })
    expect((error as Error).cause).toEqual({ code: 'ECONNREFUSED', message: expect.any(String) })
    expect(retries).toHaveLength(2)
  })
})

describe('createHttpTransport: rate limiting', () => {
  it('sends every attempt, retries included, through the limiter', async () => {
    const server = await serve([{ status: 503 }, { status: 503 }, { status: 200, body: {} }])
    const limiter = createRateLimiter({ budgets: [{ name: 'hourly', limit: 1_000, windowMs: 3_600_000 }] })
    const { transport } = transportFor(server, { rateLimiter: limiter })
    await transport.get('/Tickets')
    expect(limiter.used('hourly')).toBe(3)
  })

  it('pauses every lane after a 429, reports it, and holds the retry until the pause ends', async () => {
    const server = await serve([
      { status: 429, headers: { 'Retry-After': '30' } },
      { status: 200, body: {} },
    ])
    const clock = createManualClock(1_000)
    const limiter = createRateLimiter({ clock })
    const events: TransportRateLimitEvent[] = []
    const { transport } = transportFor(server, { rateLimiter: limiter, onRateLimit: (event) => events.push(event) })
    const call = transport.get('/Tickets')
    await waitUntil(() => limiter.queued === 1)
    expect(limiter.pausedUntil).toBe(31_000)
    expect(server.requests).toHaveLength(1)
    // A write from another part of the program waits too.
    const otherLane = transport.post('/Tickets', [{ summary: 'waits as well' }])
    await waitUntil(() => limiter.queued === 2)
    clock.advance(30_000)
    await expect(call).resolves.toMatchObject({ attempts: 2 })
    await expect(otherLane).resolves.toMatchObject({ status: 200 })
    expect(events).toContainEqual(expect.objectContaining({ source: 'response', budget: 'server', waitMs: 30_000, lane: 'read', method: 'GET' }))
    expect(events).toContainEqual(expect.objectContaining({ source: 'limiter', reason: 'server-throttle', lane: 'write', method: 'POST' }))
  })

  it('reports waits for its own budget', async () => {
    const server = await serve([{ status: 200, body: {} }])
    const clock = createManualClock()
    const events: TransportRateLimitEvent[] = []
    const { transport } = transportFor(server, {
      rateLimiter: { budgets: [{ name: 'tiny', limit: 1, windowMs: 10_000 }], clock },
      onRateLimit: (event) => events.push(event),
    })
    await transport.get('/first')
    const second = transport.get('/second')
    await waitUntil(() => events.length === 1)
    expect(server.requests).toHaveLength(1)
    clock.advance(10_000)
    await second
    expect(events).toEqual([
      expect.objectContaining({ source: 'limiter', budget: 'tiny', reason: 'budget', lane: 'read', waitMs: 10_000, url: `${server.url}/api/second` }),
    ])
  })

  it('puts reads and writes in their lanes', async () => {
    const server = await serve([{ status: 200, body: {} }])
    const limiter = createRateLimiter({ lanes: { read: { concurrency: 1 } } })
    const { transport } = transportFor(server, { rateLimiter: limiter })
    await expect(transport.get('/ok')).resolves.toMatchObject({ status: 200 })
    await expect(transport.post('/write')).rejects.toThrow(/Unknown rate-limit lane write/)
    await expect(transport.post('/Tickets/query', {}, { lane: 'read' })).resolves.toMatchObject({ status: 200 })
  })
})

describe('createHttpTransport: authentication', () => {
  /** A server with a token endpoint issuing token-1, token-2, … and a resource that accepts only `accepted` tokens. */
  async function oauthServer(accepts: (token: string) => boolean) {
    let issued = 0
    const server = await serve((request) => {
      if (request.url.startsWith('/oauth/token')) return { status: 200, body: { access_token: `oauth-token-${++issued}`, expires_in: 3_600 } }
      const token = String(request.headers.authorization ?? '').replace('Bearer ', '')
      return accepts(token) ? { status: 200, body: { ok: true } } : { status: 401, body: { error: 'invalid_token' } }
    })
    const tokenTransport = createHttpTransport({ vendor: 'testvendor', baseUrl: server.url })
    let now = 0
    const tokenManager = createTokenManager({
      now: () => now,
      fetchToken: async (signal) => {
        const { data } = await tokenTransport.post<{ access_token: string; expires_in: number }>('/oauth/token', 'grant_type=client_credentials', {
          signal,
        })
        return { accessToken: data.access_token, expiresInSeconds: data.expires_in }
      },
    })
    return {
      server,
      tokenManager,
      tokenRequests: () => server.requests.filter((request) => request.url.startsWith('/oauth/token')).length,
      advance: (milliseconds: number) => {
        now += milliseconds
      },
    }
  }

  it('refreshes once after a 401 and repeats the request, even a POST', async () => {
    const { server, tokenManager, tokenRequests } = await oauthServer((token) => token === 'oauth-token-2')
    const { transport } = transportFor(server, { authenticate: tokenManager })
    await expect(transport.post('/Tickets', [{ summary: 'created once' }])).resolves.toMatchObject({ data: { ok: true }, attempts: 2 })
    expect(tokenRequests()).toBe(2)
    expect(server.requests.filter((request) => request.url === '/api/Tickets').map((request) => request.headers.authorization)).toEqual([
      'Bearer oauth-token-1',
      'Bearer oauth-token-2',
    ])
  })

  it('surfaces a second 401 as AuthenticationError', async () => {
    const { server, tokenManager, tokenRequests } = await oauthServer(() => false)
    const { transport } = transportFor(server, { authenticate: tokenManager })
    await expect(transport.get('/Tickets')).rejects.toSatisfy(AuthenticationError.isInstance)
    expect(server.requests.filter((request) => request.url === '/api/Tickets')).toHaveLength(2)
    expect(tokenRequests()).toBe(2)
  })

  it('makes one token request for 20 concurrent calls at token expiry', async () => {
    const { server, tokenManager, tokenRequests, advance } = await oauthServer(() => true)
    const { transport } = transportFor(server, { authenticate: tokenManager })
    await transport.get('/warm-up')
    expect(tokenRequests()).toBe(1)
    advance(3_600_000)
    const results = await Promise.all(Array.from({ length: 20 }, (_, index) => transport.get(`/Tickets/${index}`)))
    expect(results.every((result) => result.status === 200)).toBe(true)
    expect(tokenRequests()).toBe(2)
    const usedTokens = new Set(
      server.requests.filter((request) => request.url.startsWith('/api/Tickets/')).map((request) => request.headers.authorization),
    )
    expect(usedTokens).toEqual(new Set(['Bearer oauth-token-2']))
  })
})

describe('createHttpTransport: logging', () => {
  it('logs every attempt with its own request id, and retries with retryOf the first', async () => {
    const server = await serve([{ status: 503 }, { reset: true }, { status: 200, body: {} }])
    const { logger, lines } = capturingLogger()
    const { transport } = transportFor(server, { logger, logLevel: 'info' })
    const response = await transport.get('/Tickets')
    const attemptLines = lines.filter((line) => line.message === 'http response' || line.message === 'http attempt failed')
    expect(attemptLines).toHaveLength(3)
    const [first, second, third] = attemptLines.map((line) => line.fields)
    expect(first).toMatchObject({ method: 'GET', status: 503, attempt: 1, url: `${server.url}/api/Tickets`, durationMs: expect.any(Number) })
    expect(first).not.toHaveProperty('retryOf')
    expect(second).toMatchObject({ attempt: 2, retryOf: first?.requestId, error: expect.objectContaining({ name: 'NetworkError' }) })
    expect(third).toMatchObject({ attempt: 3, status: 200, retryOf: first?.requestId, requestId: response.requestId })
    expect(new Set([first?.requestId, second?.requestId, third?.requestId]).size).toBe(3)
    expect(lines.filter((line) => line.message === 'http retry scheduled').map((line) => line.fields.retryOf)).toEqual([
      first?.requestId,
      first?.requestId,
    ])
    expect(lines.some((line) => line.level === 'debug')).toBe(false)
  })

  it('writes nothing at level off, and only failures at error', async () => {
    const server = await serve([{ status: 500 }])
    const off = capturingLogger()
    await transportFor(server, { logger: off.logger, logLevel: 'off', retry: { maxRetries: 0 } })
      .transport.get('/x')
      .catch(() => undefined)
    expect(off.lines).toEqual([])
    const errorsOnly = capturingLogger()
    await transportFor(server, { logger: errorsOnly.logger, logLevel: 'error', retry: { maxRetries: 0 } })
      .transport.get('/x')
      .catch(() => undefined)
    expect(errorsOnly.lines.map((line) => `${line.level} ${line.message}`)).toEqual(['error http call failed'])
  })
})

describe('createHttpTransport: no secret leaks', () => {
  const bearerToken = 'tb-bearer-9f8e7d6c5b4a3f2e1d'
  const queryPassword = 'hunter2-query-secret'
  const bodyPassword = 'body-password-5541xz'
  const secretHeader = 'autotask-secret-header-77'
  const secrets = [bearerToken, queryPassword, bodyPassword, secretHeader]

  /** A server that echoes the whole request back, the worst case for a leak. */
  const echo =
    (status: number): ResponseScript =>
    (request) => ({
      status,
      body: { message: `Refused ${request.method} ${request.url}`, received: { headers: request.headers, body: request.body } },
    })

  function leakyTransport(server: ScriptedServer, logger: TransportLogger) {
    return transportFor(server, {
      logger,
      logLevel: 'debug',
      defaultHeaders: { Secret: secretHeader, UserName: 'api-user@example.com' },
      authenticate: { getAuthorization: async () => ({ Authorization: `Bearer ${bearerToken}` }) },
      secrets: [queryPassword, bodyPassword],
      retry: { maxRetries: 1 },
    }).transport
  }

  function expectNoSecret(text: string) {
    for (const secret of secrets) expect(text).not.toContain(secret)
  }

  async function failingCall(server: ScriptedServer, logger: TransportLogger) {
    return leakyTransport(server, logger)
      .request({
        method: 'POST',
        path: '/login',
        query: { user: 'agent', password: queryPassword },
        body: { username: 'agent', password: bodyPassword },
        idempotent: true,
      })
      .catch((caught: unknown) => caught)
  }

  it.each([
    ['401', 401],
    ['500', 500],
  ])('keeps secrets out of logs and of the error of a %s', async (_name, status) => {
    const server = await serve(echo(status))
    const { logger, text } = capturingLogger()
    const error = await failingCall(server, logger)
    expect(error).toBeInstanceOf(Error)
    // The echo did reach us: the secrets were sent and came back.
    expect(server.requests[0]?.body).toContain(bodyPassword)
    expectNoSecret(String(error))
    expectNoSecret(JSON.stringify(error))
    expectNoSecret(inspect(error, { depth: 10 }))
    expectNoSecret(text())
    expect(text()).toContain('[REDACTED]')
    expect((error as { bodyExcerpt?: string }).bodyExcerpt).toContain('[REDACTED]')
  })

  it('keeps secrets out of logs and of the error of a network failure', async () => {
    const server = await serve(echo(200))
    await server.close()
    const { logger, text } = capturingLogger()
    const error = await failingCall(server, logger)
    expect(NetworkError.isInstance(error)).toBe(true)
    expectNoSecret(String(error))
    expectNoSecret(JSON.stringify(error))
    expectNoSecret(inspect(error, { depth: 10 }))
    expectNoSecret(text())
    expect(text()).toContain('password=[REDACTED]')
  })
})

describe('the timeout of an attempt is the longest wait without progress', () => {
  /** A server that sends `chunks` pieces of `size` bytes, `gapMs` apart, or stalls after the first. */
  async function trickle(options: { chunks: number; size: number; gapMs: number; stallAfterFirst?: boolean }) {
    const { createServer } = await import('node:http')
    const server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(options.chunks * options.size) })
      let sent = 0
      const next = () => {
        if (sent === options.chunks) return response.end()
        response.write(Buffer.alloc(options.size, sent))
        sent += 1
        if (options.stallAfterFirst && sent === 1) return
        setTimeout(next, options.gapMs)
      }
      next()
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as import('node:net').AddressInfo
    return { url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) }
  }

  it('moves a body that takes longer than the timeout while it keeps moving, and fails one that stalls', async () => {
    // 16 pieces, 100 ms apart: about 1.5 s in all, against a 1 s timeout (a tenfold margin per gap).
    const moving = await trickle({ chunks: 16, size: 64 * 1024, gapMs: 100 })
    const stalled = await trickle({ chunks: 12, size: 64 * 1024, gapMs: 100, stallAfterFirst: true })
    try {
      const transport = createHttpTransport({ vendor: 'testvendor', baseUrl: moving.url, timeoutMs: 1000, retry: { maxRetries: 0 } })
      const startedAt = Date.now()
      const answer = await transport.get<Uint8Array>('/file', { responseType: 'bytes' })
      expect(answer.data.byteLength).toBe(16 * 64 * 1024)
      expect(Date.now() - startedAt).toBeGreaterThan(1000)
      const stalling = createHttpTransport({ vendor: 'testvendor', baseUrl: stalled.url, timeoutMs: 1000, retry: { maxRetries: 0 } })
      await expect(stalling.get('/file', { responseType: 'bytes' })).rejects.toSatisfy((error) => TimeoutError.isInstance(error))
    } finally {
      await Promise.all([moving.close(), stalled.close()])
    }
  })
})
