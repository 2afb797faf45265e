import { inspect } from 'node:util'
import { AbortError, ConfigurationError, NetworkError, registerSecret, TicketbridgeError, TimeoutError } from '@ticketbridge/core'
import { AxiosError } from 'axios'
import { describe, expect, it } from 'vitest'
import { mapTransportError, type TransportErrorContext } from './map-transport-error'

const context: TransportErrorContext = {
  vendor: 'halo',
  method: 'GET',
  url: 'https://acme.halopsa.com/api/Tickets',
  timeoutMs: 1_000,
  timedOut: false,
  aborted: false,
}

function axiosError(code: string, message: string): AxiosError {
  const error = new AxiosError(message, code)
  // What makes AxiosError dangerous to keep: the request config, credentials included.
  Object.assign(error, { config: { headers: { Authorization: 'Bearer axios-config-token-123456' } } })
  return error
}

describe('mapTransportError', () => {
  it.each(['ECONNRESET', 'ECONNREFUSED', 'ENOTFOUND', 'EPIPE', 'EAI_AGAIN'])('maps %s to NetworkError', (code) => {
    const error = mapTransportError(axiosError(code, `connect ${code} 10.0.0.1:443`), context)
    expect(NetworkError.isInstance(error)).toBe(true)
    expect(TimeoutError.isInstance(error)).toBe(false)
    expect(error).toMatchObject({ code, method: 'GET', vendor: 'halo', retryable: true })
  })

  it('maps a socket hang up without a code to NetworkError', () => {
    expect(mapTransportError(new Error('socket hang up'), context)).toMatchObject({ name: 'NetworkError', code: 'ECONNRESET' })
  })

  it('maps our timer, axios timeouts and socket timeouts to TimeoutError', () => {
    expect(mapTransportError(axiosError('ERR_CANCELED', 'canceled'), { ...context, timedOut: true })).toMatchObject({
      name: 'TimeoutError',
      timeoutMs: 1_000,
    })
    expect(TimeoutError.isInstance(mapTransportError(axiosError('ECONNABORTED', 'timeout of 1000ms exceeded'), context))).toBe(true)
    expect(TimeoutError.isInstance(mapTransportError(axiosError('ETIMEDOUT', 'connect ETIMEDOUT'), context))).toBe(true)
  })

  it('maps a cancellation to AbortError, the caller’s abort first of all', () => {
    expect(AbortError.isInstance(mapTransportError(axiosError('ERR_CANCELED', 'canceled'), { ...context, aborted: true, timedOut: true }))).toBe(true)
    expect(AbortError.isInstance(mapTransportError(axiosError('ERR_CANCELED', 'canceled'), context))).toBe(true)
  })

  it('maps malformed requests to ConfigurationError and passes our own errors through', () => {
    expect(ConfigurationError.isInstance(mapTransportError(axiosError('ERR_INVALID_URL', 'Invalid URL'), context))).toBe(true)
    const ours = new NetworkError('already mapped')
    expect(mapTransportError(ours, context)).toBe(ours)
    const unknown = mapTransportError(new TypeError('Converting circular structure to JSON'), context)
    expect(TicketbridgeError.isInstance(unknown)).toBe(true)
    expect(NetworkError.isInstance(unknown)).toBe(false)
  })

  it('never keeps the AxiosError, only a plain redacted cause', () => {
    registerSecret('registered-secret-in-message')
    const error = mapTransportError(axiosError('ECONNRESET', 'read ECONNRESET registered-secret-in-message'), context)
    expect(error.cause).toEqual({ code: 'ECONNRESET', message: 'read ECONNRESET [REDACTED]' })
    const shown = `${String(error)} ${JSON.stringify(error)} ${inspect(error, { depth: 10 })}`
    expect(shown).not.toContain('axios-config-token-123456')
    expect(shown).not.toContain('registered-secret-in-message')
  })
})
