import { createMemoryAdapter } from '@ticketbridge/memory'
import { describe, expect, it } from 'vitest'
import { seedMemoryHelpDesk } from '../test-support/seed-memory-help-desk'
import { planCutOver } from './plan-cut-over'

describe('planCutOver', () => {
  it('splits the desk into its phases in one pass and prices each, writing nothing', async () => {
    const source = createMemoryAdapter({ vendor: 'memory-source' })
    const target = createMemoryAdapter({ vendor: 'memory-target' })
    await seedMemoryHelpDesk(source, 50)
    let listings = 0
    const counted = {
      ...source,
      tickets: { ...source.tickets, list: (...args: Parameters<typeof source.tickets.list>) => (listings++, source.tickets.list(...args)) },
    }
    const budget = { requests: 5, windowMs: 1000, source: 'a test budget' }
    const { phases, preflight } = await planCutOver({ source: counted, target: { ...target, rateLimit: budget } })
    expect(listings).toBe(1)
    expect(phases.map((phase) => phase.tickets)).toEqual([30, 20])
    expect(phases[0]!.only).toEqual({ statusCategories: ['new', 'open', 'pending'] })
    expect(phases[1]!.only).toBeUndefined()
    expect(preflight.tickets).toBe(50)
    for (const phase of phases) {
      expect(phase.requests.target).toBeGreaterThan(phase.tickets)
      // At 5 requests a second, the target's budget sets the pace.
      expect(phase.secondsAtRateLimit.target).toBe(Math.ceil(phase.requests.target / 5))
    }
    expect(target.store.tickets.size).toBe(0)
  })

  it('puts a ticket in the first phase whose filter it passes, and the rest in the last', async () => {
    const source = createMemoryAdapter({ vendor: 'memory-source' })
    const target = createMemoryAdapter({ vendor: 'memory-target' })
    await seedMemoryHelpDesk(source, 20)
    const { phases } = await planCutOver({
      source,
      target,
      phases: [
        { label: 'pending', only: { statusCategories: ['pending'] } },
        { label: 'open and pending', only: { statusCategories: ['open', 'pending'] } },
        { label: 'the rest' },
      ],
    })
    expect(phases.map((phase) => phase.tickets)).toEqual([4, 4, 12])
  })
})
