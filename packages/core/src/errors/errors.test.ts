import { inspect } from 'node:util'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { clearRegisteredSecrets, registerSecret } from '../redaction/secret-registry'
import { ApiError } from './api-error'
import { AbortError } from './abort-error'
import { AuthenticationError } from './authentication-error'
import { ConfigurationError } from './configuration-error'
import { ConflictError } from './conflict-error'
import { createApiError } from './create-api-error'
import { InvalidResponseError } from './invalid-response-error'
import { NetworkError } from './network-error'
import { NotFoundError } from './not-found-error'
import { PermissionError } from './permission-error'
import { RateLimitError } from './rate-limit-error'
import { ServerError } from './server-error'
import { TicketbridgeError } from './ticketbridge-error'
import { TimeoutError } from './timeout-error'
import { UnsupportedOperationError } from './unsupported-operation-error'
import { ValidationError } from './validation-error'

afterEach(() => clearRegisteredSecrets())

describe('createApiError', () => {
  it('a 404 on a record says to check the id; on a list or endpoint, the base URL', () => {
    const onRecord = createApiError({ status: 404, vendor: 'halo', method: 'get', url: 'https://x.example/api/Tickets/999999' })
    expect(onRecord.message).toMatch(/Check the id/)
    const onList = createApiError({ status: 404, vendor: 'halo', method: 'get', url: 'https://x.example/Tickets?pageinate=true' })
    expect(NotFoundError.isInstance(onList)).toBe(true)
    expect(onList.message).toMatch(/No such address \(HTTP 404 on GET \/Tickets\).*Check the vendor's base URL setting/)
    expect(onList.message).not.toMatch(/Check the id/)
  })

  it.each([
    [401, AuthenticationError, true],
    [403, PermissionError, false],
    [404, NotFoundError, false],
    [409, ConflictError, false],
    [412, ConflictError, false],
    [400, ValidationError, false],
    [422, ValidationError, false],
    [429, RateLimitError, true],
    [500, ServerError, true],
    [503, ServerError, true],
    [408, ServerError, true],
  ] as const)('maps HTTP %i to %o', (status, errorClass, retryable) => {
    const error = createApiError({ status, vendor: 'halo', method: 'get', url: 'https://x.example/api/tickets/1' })
    expect(errorClass.isInstance(error)).toBe(true)
    expect(ApiError.isInstance(error)).toBe(true)
    expect(TicketbridgeError.isInstance(error)).toBe(true)
    expect(error.status).toBe(status)
    expect(error.retryable).toBe(retryable)
    expect(error.method).toBe('GET')
    expect(error.name).toBe(errorClass.name)
    expect(error.message).toContain(`HTTP ${status}`)
    expect(error.message).toContain('/api/tickets/1')
  })

  it('keeps the retry delay and the vendor message', () => {
    const error = createApiError({ status: 429, vendor: 'halo', retryAfterMs: 30_000, vendorMessage: 'Rate Limit Reached' })
    expect(RateLimitError.isInstance(error) && error.retryAfterMs).toBe(30_000)
    expect(error.message).toContain('Rate Limit Reached')
    expect(error.message).toContain('Retry after 30 s')
  })

  it('gives validation errors their issues', () => {
    const error = createApiError({ status: 400, issues: [{ field: 'summary', message: 'required' }] })
    expect(ValidationError.isInstance(error) && error.issues).toEqual([{ field: 'summary', message: 'required' }])
  })
})

describe('isInstance', () => {
  it('tells classes apart', () => {
    const notFound = new NotFoundError('gone', { status: 404 })
    expect(NotFoundError.isInstance(notFound)).toBe(true)
    expect(ConflictError.isInstance(notFound)).toBe(false)
    expect(NetworkError.isInstance(new TimeoutError('slow'))).toBe(true)
    expect(TimeoutError.isInstance(new NetworkError('reset'))).toBe(false)
    expect(AbortError.isInstance(new Error('plain'))).toBe(false)
    expect(TicketbridgeError.isInstance(undefined)).toBe(false)
    expect(TicketbridgeError.isInstance('NotFoundError')).toBe(false)
  })

  it('recognises errors thrown by a second copy of the package', async () => {
    vi.resetModules()
    const secondCopy = (await import('./index?second-copy' as string)) as typeof import('./index')
    const foreign = new secondCopy.NotFoundError('from the other copy', { status: 404 })
    expect(foreign instanceof NotFoundError).toBe(false)
    expect(NotFoundError.isInstance(foreign)).toBe(true)
    expect(ApiError.isInstance(foreign)).toBe(true)
    expect(TicketbridgeError.isInstance(foreign)).toBe(true)
    expect(secondCopy.NotFoundError.isInstance(new NotFoundError('ours', { status: 404 }))).toBe(true)
  })
})

describe('secrets never leak from errors', () => {
  const token = 'eyJhbGciOiJSUzI1NiJ9.very-secret-access-token'
  const password = 'Hunter2-correct-horse'

  function renderings(error: unknown): string[] {
    return [String(error), JSON.stringify(error), inspect(error, { depth: 10 }), (error as Error).stack ?? '']
  }

  it('removes registered secrets and credential pairs from messages, urls and bodies', () => {
    registerSecret(password)
    const error = createApiError({
      status: 401,
      vendor: 'rt',
      method: 'POST',
      url: `https://rt.example/REST/1.0/ticket/new?user=root&pass=${password}&token=${token}`,
      body: { error: `login failed for password ${password}`, access_token: token },
      vendorMessage: `Authorization: Bearer ${token}`,
    })
    for (const text of renderings(error)) {
      expect(text).not.toContain(token)
      expect(text).not.toContain(password)
    }
    expect(String(error)).toContain('[REDACTED]')
  })

  it('redacts messages of every error class', () => {
    registerSecret(password)
    const errors = [
      new ConfigurationError(`bad clientSecret ${password}`, { option: 'auth.clientSecret' }),
      new NetworkError(`socket closed while sending pass=${password}`),
      new InvalidResponseError('html', { body: `<html>${password}</html>` }),
      new UnsupportedOperationError(`people.create ${password}`),
    ]
    for (const error of errors) for (const text of renderings(error)) expect(text).not.toContain(password)
  })

  it('serialises to plain data without the cause', () => {
    const error = new ServerError('boom', { status: 502, vendor: 'halo', cause: { code: 'E' } })
    const json = JSON.parse(JSON.stringify(error))
    expect(json).toMatchObject({ name: 'ServerError', message: 'boom', status: 502, vendor: 'halo', retryable: true })
    expect(json.cause).toBeUndefined()
  })
})

describe('validation issues', () => {
  it('are redacted like the message', () => {
    registerSecret('issue-secret-value-123')
    const error = new ValidationError('refused', {
      status: 400,
      issues: [{ field: 'password', message: 'password issue-secret-value-123 is too short' }],
    })
    expect(inspect(error, { depth: 5 })).not.toContain('issue-secret-value-123')
    expect(error.issues[0]?.message).toBe('password [REDACTED] is too short')
  })
})
