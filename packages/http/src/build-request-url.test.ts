import { ConfigurationError } from '@ticketbridge/core'
import { describe, expect, it } from 'vitest'
import { buildRequestUrl, parseBaseUrl } from './build-request-url'

describe('buildRequestUrl', () => {
  const base = parseBaseUrl('https://acme.halopsa.com/api/', 'halo')

  it('joins base path and request path with exactly one slash', () => {
    expect(buildRequestUrl(base, { path: '/Tickets' }, 'halo')).toBe('https://acme.halopsa.com/api/Tickets')
    expect(buildRequestUrl(base, { path: 'Tickets/5' }, 'halo')).toBe('https://acme.halopsa.com/api/Tickets/5')
    expect(buildRequestUrl(parseBaseUrl('http://127.0.0.1:8080', 'rt'), { path: '/REST/2.0/ticket/1' }, 'rt')).toBe(
      'http://127.0.0.1:8080/REST/2.0/ticket/1',
    )
  })

  it('appends query parameters: arrays repeated, undefined and null left out, values encoded', () => {
    const url = buildRequestUrl(
      base,
      { path: '/Tickets?pageinate=true', query: { ids: [1, 2], search: 'vpn & wifi', skip: undefined, none: null, open: false } },
      'halo',
    )
    expect(url).toBe('https://acme.halopsa.com/api/Tickets?pageinate=true&ids=1&ids=2&search=vpn+%26+wifi&open=false')
  })

  it('accepts an absolute URL of the same origin only', () => {
    expect(buildRequestUrl(base, { url: 'https://acme.halopsa.com/api/next?page=2' }, 'halo')).toBe('https://acme.halopsa.com/api/next?page=2')
    expect(() => buildRequestUrl(base, { url: 'https://evil.example/api/next' }, 'halo')).toThrow(ConfigurationError)
    expect(() => buildRequestUrl(base, { url: 'not a url' }, 'halo')).toThrow(ConfigurationError)
  })

  it('rejects a base URL that is not absolute http(s) or carries a query', () => {
    expect(() => parseBaseUrl('acme.halopsa.com', 'halo')).toThrow(/baseUrl/)
    expect(() => parseBaseUrl('ftp://acme.example', 'halo')).toThrow(/http or https/)
    expect(() => parseBaseUrl('https://acme.example/api?tenant=x', 'halo')).toThrow(/query/)
  })
})
