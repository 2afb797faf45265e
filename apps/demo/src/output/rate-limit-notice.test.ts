import type { TransportRateLimitEvent } from '@ticketbridge/http'
import { describe, expect, it } from 'vitest'
import { createRateLimitNotice } from './rate-limit-notice'

const event = (overrides: Partial<TransportRateLimitEvent>): TransportRateLimitEvent => ({
  budget: 'rolling-window',
  waitMs: 41_000,
  lane: 'write',
  reason: 'budget',
  vendor: 'halo',
  method: 'POST',
  url: '/api/Actions',
  source: 'limiter',
  ...overrides,
})

describe('createRateLimitNotice', () => {
  it('says how long the longest current wait lasts and why, then nothing once it is over', () => {
    let clock = 1_000_000
    const notice = createRateLimitNotice(() => clock)
    let changes = 0
    notice.onChange(() => (changes += 1))
    expect(notice.describe()).toBeUndefined()
    notice.hooks.onRateLimit!(event({}))
    expect(notice.describe()).toBe("waiting 41 s for halo's rate limit")
    // A shorter wait that ends sooner changes nothing; pacing under a second is not worth a word.
    notice.hooks.onRateLimit!(event({ waitMs: 5_000, vendor: 'autotask' }))
    notice.hooks.onRateLimit!(event({ waitMs: 200, vendor: 'autotask' }))
    expect(changes).toBe(1)
    clock += 40_500
    expect(notice.describe()).toBe("waiting 1 s for halo's rate limit")
    notice.hooks.onRateLimit!(event({ waitMs: 30_000, vendor: 'autotask', source: 'response', reason: 'server-throttle' }))
    expect(notice.describe()).toBe('waiting 30 s for autotask answered 429 (too many requests)')
    expect(changes).toBe(2)
    clock += 30_000
    expect(notice.describe()).toBeUndefined()
  })
})
