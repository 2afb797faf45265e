import { describe, expect, it } from 'vitest'
import { parseRetryAfter } from './parse-retry-after'

const now = Date.parse('2025-03-01T12:00:00Z')

describe('parseRetryAfter', () => {
  it('reads Retry-After as whole and decimal seconds', () => {
    expect(parseRetryAfter({ 'retry-after': '5' }, now)).toBe(5_000)
    expect(parseRetryAfter({ 'Retry-After': '1.5' }, now)).toBe(1_500)
    expect(parseRetryAfter({ 'retry-after': ' 0 ' }, now)).toBe(0)
  })

  it('prefers retry-after-ms, in milliseconds', () => {
    expect(parseRetryAfter({ 'retry-after-ms': '250', 'retry-after': '9' }, now)).toBe(250)
    expect(parseRetryAfter({ 'Retry-After-Ms': '12.4' }, now)).toBe(13)
  })

  it('falls back to Retry-After when retry-after-ms is malformed', () => {
    expect(parseRetryAfter({ 'retry-after-ms': 'soon', 'retry-after': '2' }, now)).toBe(2_000)
  })

  it('reads an HTTP date relative to now', () => {
    expect(parseRetryAfter({ 'retry-after': 'Sat, 01 Mar 2025 12:00:30 GMT' }, now)).toBe(30_000)
  })

  it('caps long delays at maximumDelayMs (120 s by default)', () => {
    expect(parseRetryAfter({ 'retry-after': '3600' }, now)).toBe(120_000)
    expect(parseRetryAfter({ 'retry-after': '3600' }, now, { maximumDelayMs: 10_000 })).toBe(10_000)
    expect(parseRetryAfter({ 'retry-after': 'Sat, 01 Mar 2025 14:00:00 GMT' }, now)).toBe(120_000)
  })

  it('returns undefined when absent, invalid, negative or in the past', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined()
    expect(parseRetryAfter({}, now)).toBeUndefined()
    expect(parseRetryAfter({ 'retry-after': '' }, now)).toBeUndefined()
    expect(parseRetryAfter({ 'retry-after': 'later' }, now)).toBeUndefined()
    expect(parseRetryAfter({ 'retry-after': '-5' }, now)).toBeUndefined()
    expect(parseRetryAfter({ 'retry-after': '1e3' }, now)).toBeUndefined()
    expect(parseRetryAfter({ 'retry-after-ms': '-1' }, now)).toBeUndefined()
    expect(parseRetryAfter({ 'retry-after': 'Sat, 01 Mar 2025 11:59:00 GMT' }, now)).toBeUndefined()
  })

  it('accepts Headers objects and repeated values', () => {
    expect(parseRetryAfter(new Headers({ 'Retry-After': '7' }), now)).toBe(7_000)
    expect(parseRetryAfter({ 'retry-after': ['3', '9'] }, now)).toBe(3_000)
    expect(parseRetryAfter({ 'retry-after': 4 }, now)).toBe(4_000)
  })
})
