import { ConfigurationError } from '@ticketbridge/core'
import { describe, expect, it } from 'vitest'
import { RollingWindowBudget } from './rolling-window-budget'

describe('RollingWindowBudget', () => {
  it('admits up to limit starts per window and says how long until the oldest leaves', () => {
    const budget = new RollingWindowBudget({ name: 'test', limit: 3, windowMs: 1_000 })
    budget.record(0)
    budget.record(100)
    budget.record(200)
    expect(budget.used(200)).toBe(3)
    expect(budget.waitMs(200)).toBe(800)
    // The start at 0 counts for [0, 1000): at 1000 it has left.
    expect(budget.waitMs(999)).toBe(1)
    expect(budget.waitMs(1_000)).toBe(0)
    expect(budget.used(1_000)).toBe(2)
  })

  it('waits for as many starts as a heavier task needs', () => {
    const budget = new RollingWindowBudget({ name: 'test', limit: 3, windowMs: 1_000 })
    budget.record(0)
    budget.record(100)
    budget.record(200)
    expect(budget.waitMs(300, 2)).toBe(800) // the starts at 0 and 100 must leave
    expect(budget.waitMs(300, 4)).toBe(Number.POSITIVE_INFINITY)
  })

  it('resyncs with a vendor count: more are assumed just now, fewer drop the oldest', () => {
    const budget = new RollingWindowBudget({ name: 'hourly', limit: 10, windowMs: 1_000 })
    budget.record(0)
    budget.record(500)
    budget.setUsage(600, 10)
    expect(budget.used(600)).toBe(10)
    expect(budget.waitMs(600)).toBe(400) // the real start at 0 leaves first
    budget.setUsage(700, 3)
    expect(budget.used(700)).toBe(3)
    expect(budget.waitMs(700)).toBe(0)
    budget.setUsage(700, 3, 3)
    expect(budget.limit).toBe(3)
    expect(budget.waitMs(700)).toBe(900) // the recorded starts at 600 leave at 1600
  })

  it('rejects bad settings with a ConfigurationError naming the option', () => {
    expect(() => new RollingWindowBudget({ name: 'x', limit: 0, windowMs: 1 })).toThrow(ConfigurationError)
    expect(() => new RollingWindowBudget({ name: 'x', limit: 1, windowMs: 1.5 })).toThrow(/windowMs/)
  })

  it('keeps memory bounded over many windows', () => {
    const budget = new RollingWindowBudget({ name: 'test', limit: 5, windowMs: 10 })
    for (let time = 0; time < 100_000; time += 2) {
      expect(budget.waitMs(time)).toBe(0)
      budget.record(time)
    }
    expect(budget.used(100_000)).toBe(4)
    expect((budget as unknown as { starts: number[] }).starts.length).toBeLessThan(3_000)
  })

  it('counts a request in flight until its answer, and from the answer for a whole window', () => {
    const budget = new RollingWindowBudget({ name: 'test', limit: 2, windowMs: 1_000 })
    budget.begin()
    budget.begin()
    // Both in flight: nothing leaves until one is answered, however long that takes.
    expect(budget.used(5_000)).toBe(2)
    expect(budget.waitMs(5_000)).toBe(1_000)
    budget.finish(5_200)
    // Answered at 5,200: the vendor saw it no later than that, so it counts until 6,200.
    expect(budget.used(6_100)).toBe(2)
    expect(budget.waitMs(6_100)).toBe(100)
    expect(budget.used(6_200)).toBe(1)
    // A vendor report lower than ours drops answered requests only, never ones still in flight.
    budget.setUsage(6_300, 0)
    expect(budget.used(6_300)).toBe(1)
  })

  it('keeps requests answered after the vendor was asked on top of its report', () => {
    const budget = new RollingWindowBudget({ name: 'hourly', limit: 10, windowMs: 10_000 })
    for (const time of [100, 200, 300]) budget.record(time)
    // Asked at 250, answered at 400: the vendor counted one request; the one answered at 300 it may not have seen.
    budget.setUsage(400, 1, undefined, 250)
    expect(budget.used(400)).toBe(2)
    // A report higher than ours up to the question adds the difference.
    budget.setUsage(500, 4, undefined, 450)
    expect(budget.used(500)).toBe(4)
  })
})
