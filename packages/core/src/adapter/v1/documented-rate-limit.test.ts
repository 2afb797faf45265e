import { describe, expect, it } from 'vitest'
import { secondsAtRateLimit } from './documented-rate-limit'

describe('secondsAtRateLimit', () => {
  it('spreads the requests over the budget window', () => {
    const halo = { requests: 300, windowMs: 300_000, source: 'Halo hosted' }
    expect(secondsAtRateLimit(600, halo)).toBe(600)
    expect(secondsAtRateLimit(150, halo)).toBe(150)
    expect(secondsAtRateLimit(10_000, { requests: 10_000, windowMs: 3_600_000, source: 'Autotask' })).toBe(3600)
  })

  it('has no answer without a budget', () => {
    expect(secondsAtRateLimit(600, undefined)).toBeUndefined()
  })
})
