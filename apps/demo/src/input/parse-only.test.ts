import { ConfigurationError } from '@ticketbridge/core'
import { describe, expect, it } from 'vitest'
import { parseOnly } from './parse-only'

describe('parseOnly', () => {
  it('reads status categories and an updated-after date, and adds up when given twice', () => {
    expect(parseOnly('new,open,pending', undefined)).toEqual({ statusCategories: ['new', 'open', 'pending'] })
    expect(parseOnly('updated-after=2026-06-01', { statusCategories: ['open'] })).toEqual({
      statusCategories: ['open'],
      updatedAfter: '2026-06-01T00:00:00.000Z',
    })
    expect(parseOnly('Open, updated-after=2026-06-01T09:00:00+02:00', undefined)).toEqual({
      statusCategories: ['open'],
      updatedAfter: '2026-06-01T07:00:00.000Z',
    })
  })

  it('refuses an unknown category, naming the choices', () => {
    expect(() => parseOnly('open,waiting', undefined)).toThrow(ConfigurationError)
    expect(() => parseOnly('open,waiting', undefined)).toThrow(
      /not "waiting".*new, open, pending, resolved, closed|new, open, pending, resolved, closed.*not "waiting"/,
    )
  })

  it('refuses a date and time without its zone: it would mean another instant on another machine', () => {
    expect(() => parseOnly('updated-after=2026-06-01T09:00', undefined)).toThrow(/with its zone/)
  })
})
