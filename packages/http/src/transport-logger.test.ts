import { registerSecret } from '@ticketbridge/core'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createConsoleLogger } from './console-logger'
import { createLevelledLogger, isLogLevelEnabled, type TransportLogger } from './transport-logger'

afterEach(() => {
  vi.restoreAllMocks()
})

describe('log levels', () => {
  it('orders levels from off to debug', () => {
    expect(isLogLevelEnabled('info', 'error')).toBe(true)
    expect(isLogLevelEnabled('info', 'info')).toBe(true)
    expect(isLogLevelEnabled('info', 'debug')).toBe(false)
    expect(isLogLevelEnabled('off', 'error')).toBe(false)
  })
})

describe('createLevelledLogger', () => {
  it('filters by level and redacts the message and every field', () => {
    registerSecret('levelled-logger-secret')
    const lines: unknown[][] = []
    const sink: TransportLogger = {
      debug: (...line) => lines.push(['debug', ...line]),
      info: (...line) => lines.push(['info', ...line]),
      warn: (...line) => lines.push(['warn', ...line]),
      error: (...line) => lines.push(['error', ...line]),
    }
    const logger = createLevelledLogger(sink, 'warn')
    logger.log('info', 'dropped', {})
    logger.log('warn', 'kept levelled-logger-secret', {
      headers: { Authorization: 'Bearer abcdefghijkl' },
      nested: { password: 'pw', note: 'levelled-logger-secret' },
    })
    expect(lines).toEqual([
      ['warn', 'kept [REDACTED]', { headers: { Authorization: '[REDACTED]' }, nested: { password: '[REDACTED]', note: '[REDACTED]' } }],
    ])
    expect(createLevelledLogger(undefined, 'debug').enabled('error')).toBe(false)
  })
})

describe('createConsoleLogger', () => {
  it('writes redacted lines at or above its level to stderr', () => {
    const written = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const logger = createConsoleLogger('info')
    logger.debug('not written')
    logger.info('http response', { status: 200, client_secret: 'console-secret' })
    expect(written).toHaveBeenCalledTimes(1)
    expect(written.mock.calls[0]?.[0]).toBe('[ticketbridge] info http response {"status":200,"client_secret":"[REDACTED]"}')
  })
})
