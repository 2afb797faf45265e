import { ConfigurationError } from '@ticketbridge/core'
import { describe, expect, it } from 'vitest'
import { parseSince } from './parse-since'

const now = () => new Date('2026-12-05T12:00:00.000Z')

describe('parseSince', () => {
  it('takes a date as midnight UTC and a date and time with its zone', () => {
    expect(parseSince('2026-11-30')).toBe('2026-11-30T00:00:00.000Z')
    expect(parseSince('2026-11-30T13:00:00-05:00')).toBe('2026-11-30T18:00:00.000Z')
    expect(parseSince('2026-11-30T18:00Z')).toBe('2026-11-30T18:00:00.000Z')
  })

  it('takes a span back from now', () => {
    expect(parseSince('7d', 'since', now)).toBe('2026-11-28T12:00:00.000Z')
    expect(parseSince('12h', 'since', now)).toBe('2026-12-05T00:00:00.000Z')
    expect(parseSince('30m', 'since', now)).toBe('2026-12-05T11:30:00.000Z')
  })

  it('refuses words, zone-less times and impossible dates with the formats it takes', () => {
    for (const value of ['yesterday', '2026-11-30T18:00', '2026-13-45', '']) {
      const attempt = () => parseSince(value)
      expect(attempt).toThrow(ConfigurationError)
      expect(attempt).toThrow(/--since takes a date \(2026-11-30, midnight UTC\).*span back from now/)
    }
  })
})
