import { describe, expect, it } from 'vitest'
import { describeDuration, describeRateLimit, describeTimeLeft, estimateTimeLeft, type MeteredSide } from './budget-eta'

const halo = (requests: number, estimatedRequests = 0): MeteredSide => ({
  vendor: 'halo',
  rateLimit: { requests: 300, windowMs: 300_000, source: 'halo.md' },
  requests,
  estimatedRequests,
})
const memory = (requests: number): MeteredSide => ({ vendor: 'memory', rateLimit: undefined, requests, estimatedRequests: 0 })

describe('estimateTimeLeft', () => {
  it("takes the time Halo's budget needs for the tickets left, not the pace of the first burst", () => {
    // 500 of 2,000 tickets in 60 s (the budget let a burst through), 3 Halo requests a ticket so far.
    const estimate = estimateTimeLeft({ done: 500, total: 2_000, elapsedSeconds: 60, sides: [memory(500), halo(1_500)] })
    // 1,500 tickets × 3 requests at one a second.
    expect(estimate?.seconds).toBe(4_500)
    expect(estimate?.boundBy?.vendor).toBe('halo')
    expect(describeTimeLeft(estimate)).toBe("ETA 75 min at halo's 300 requests / 5 min")
  })

  it('keeps to the pace so far where no budget binds', () => {
    const estimate = estimateTimeLeft({ done: 100, total: 400, elapsedSeconds: 10, sides: [memory(400), halo(30)] })
    // 300 left at 10 a second: 30 s; Halo needs 0.3 a ticket × 300 = 90 requests, 90 s.
    expect(estimate?.seconds).toBe(90)
    const unbound = estimateTimeLeft({ done: 100, total: 400, elapsedSeconds: 10, sides: [memory(400)] })
    expect(unbound).toEqual({ seconds: 30 })
    expect(describeTimeLeft(unbound)).toBe('ETA 30 s')
  })

  it("uses the preflight's estimate until enough tickets are done to measure", () => {
    // Nothing done yet: 1,200 requests estimated for 400 tickets at one a second.
    const estimate = estimateTimeLeft({ done: 0, total: 400, elapsedSeconds: 0, sides: [halo(0, 1_200)] })
    expect(estimate?.seconds).toBe(1_200)
    expect(describeTimeLeft(estimateTimeLeft({ done: 0, total: 400, elapsedSeconds: 0, sides: [memory(0)] }))).toBe('ETA …')
  })

  it('is done when nothing is left', () => {
    expect(estimateTimeLeft({ done: 5, total: 5, elapsedSeconds: 3, sides: [halo(10)] })).toEqual({ seconds: 0 })
  })
})

describe('describing budgets and durations', () => {
  it('says them the way people do', () => {
    expect(describeRateLimit({ requests: 10_000, windowMs: 3_600_000, source: 'autotask.md' })).toBe('10,000 requests / hour')
    expect(describeRateLimit({ requests: 20, windowMs: 1_500, source: 'a test' })).toBe('20 requests / 1.5 s')
    expect(describeDuration(0.2)).toBe('1 s')
    expect(describeDuration(89)).toBe('89 s')
    expect(describeDuration(600)).toBe('10 min')
    expect(describeDuration(3 * 3600)).toBe('3.0 h')
    expect(describeDuration(30 * 3600)).toBe('30 h')
  })
})
