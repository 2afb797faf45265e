import { afterEach, describe, expect, it } from 'vitest'
import { redactHeaders, redactText, redactUrl, redactValue } from './redact-text'
import { clearRegisteredSecrets, registerSecret } from './secret-registry'

afterEach(() => clearRegisteredSecrets())

describe('redaction', () => {
  it('removes registered values wherever they appear, encoded too', () => {
    registerSecret('s3cr3t/with+chars')
    expect(redactText('x s3cr3t/with+chars y')).toBe('x [REDACTED] y')
    expect(redactText('q=s3cr3t%2Fwith%2Bchars')).toBe('q=[REDACTED]')
  })

  it('ignores values too short to be secrets', () => {
    registerSecret('abc')
    expect(redactText('abc')).toBe('abc')
  })

  it('removes credential pairs from query strings, JSON, headers and auth schemes', () => {
    expect(redactText('user=root&pass=hunter22&x=1')).toBe('user=root&pass=[REDACTED]&x=1')
    expect(redactText('{"client_secret":"abc\\"def","id":1}')).toBe('{"client_secret":"[REDACTED]","id":1}')
    expect(redactText('Secret: abcdef123')).toBe('Secret: [REDACTED]')
    expect(redactText('Authorization: Bearer abcdefghijkl')).toBe('Authorization: [REDACTED]')
    expect(redactText('sent token 1-14-abcdef0123456789')).toBe('sent token [REDACTED]')
    expect(redactText('The token expired and was refreshed.')).toBe('The token expired and was refreshed.')
  })

  it('redacts URLs', () => {
    expect(redactUrl('https://user:pw@rt.example/REST/2.0/ticket/1?token=abc&page=2')).toBe(
      'https://rt.example/REST/2.0/ticket/1?token=[REDACTED]&page=2',
    )
    // A plain URL takes the short way and comes back as it was; user info alone, or a
    // parameter name written encoded, still goes through the parser.
    expect(redactUrl('https://acme.halopsa.com/api/Tickets/4813?page_size=100')).toBe('https://acme.halopsa.com/api/Tickets/4813?page_size=100')
    expect(redactUrl('https://user:pw@rt.example/REST/2.0/ticket/1')).toBe('https://rt.example/REST/2.0/ticket/1')
    expect(redactUrl('https://rt.example/x?pass%77ord=hunter22')).toBe('https://rt.example/x?password=[REDACTED]')
    registerSecret('tenant-secret-value')
    expect(redactUrl('https://rt.example/x?q=tenant-secret-value')).toBe('https://rt.example/x?q=[REDACTED]')
  })

  it('sees a secret registered after an earlier redaction', () => {
    registerSecret('first-secret-value')
    expect(redactText('first-secret-value second-secret-value')).toBe('[REDACTED] second-secret-value')
    registerSecret('second-secret-value')
    expect(redactText('first-secret-value second-secret-value')).toBe('[REDACTED] [REDACTED]')
  })

  it('redacts header maps and nested values', () => {
    expect(redactHeaders({ Authorization: 'Bearer x', Secret: 'y', Accept: 'application/json' })).toEqual({
      Authorization: '[REDACTED]',
      Secret: '[REDACTED]',
      Accept: 'application/json',
    })
    expect(redactValue({ grant: { password: 'p', username: 'u' }, files: [new Uint8Array(3)] })).toEqual({
      grant: { password: '[REDACTED]', username: 'u' },
      files: ['[3 bytes]'],
    })
  })
})
