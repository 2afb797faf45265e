import { ConfigurationError } from '@ticketbridge/core'
import { createMemoryAdapter } from '@ticketbridge/memory'
import { describe, expect, it } from 'vitest'
import { createMigration } from './create-migration'
import { checkPhaseFilter, parseInstantOption, resolveListOrder, sourceTicketQuery } from './source-ticket-query'

describe('a run’s source listing', () => {
  it('reads instants with their zone, a date alone as midnight UTC, whatever the machine’s zone', () => {
    expect(parseInstantOption('2026-03-08', 'since')).toBe('2026-03-08T00:00:00.000Z')
    expect(parseInstantOption('2026-03-08T02:30:00-05:00', 'since')).toBe('2026-03-08T07:30:00.000Z')
    expect(parseInstantOption('2026-04-05T02:30:00+13:00', 'since')).toBe('2026-04-04T13:30:00.000Z')
    expect(() => parseInstantOption('2026-03-08T02:30:00', 'since')).toThrow(/Add its zone/)
    expect(() => parseInstantOption('last friday', 'only.updatedAfter')).toThrow(ConfigurationError)
  })

  it('checks a phase filter and names the bad part', () => {
    expect(checkPhaseFilter({ statusCategories: ['open', 'new', 'open'] })).toEqual({ statusCategories: ['open', 'new'] })
    expect(() => checkPhaseFilter({ statusCategories: ['waiting' as never] })).toThrow(/only\.statusCategories must list status categories/)
    expect(() => checkPhaseFilter({ statusCategories: [] })).toThrow(ConfigurationError)
  })

  it('takes the later of since and updated-after, the phase’s categories, and the order', () => {
    expect(
      sourceTicketQuery({
        since: '2026-06-01T00:00:00.000Z',
        only: { statusCategories: ['open'], updatedAfter: '2026-07-01T00:00:00.000Z' },
        order: 'recently-updated-first',
      }),
    ).toEqual({ updatedSince: '2026-07-01T00:00:00.000Z', statusCategories: ['open'], order: 'recently-updated-first' })
    expect(sourceTicketQuery({})).toEqual({})
  })

  it('lists newest changes first where the source can, and refuses that order where it cannot', () => {
    const ordering = createMemoryAdapter({ vendor: 'memory-source' })
    const unordered = createMemoryAdapter({ vendor: 'memory-source', capabilities: { tickets: { orders: [] } } })
    expect(resolveListOrder(undefined, ordering)).toBe('recently-updated-first')
    expect(resolveListOrder('source', ordering)).toBeUndefined()
    expect(resolveListOrder(undefined, unordered)).toBeUndefined()
    expect(() => resolveListOrder('recently-updated-first', unordered)).toThrow(/cannot list tickets most recently updated first/)
    const target = createMemoryAdapter({ vendor: 'memory-target' })
    expect(() => createMigration({ source: unordered, target, order: 'recently-updated-first' })).toThrow(ConfigurationError)
    expect(() => createMigration({ source: ordering, target, since: '2026-03-08 02:30' })).toThrow(/since must be an ISO-8601 date/)
  })
})
