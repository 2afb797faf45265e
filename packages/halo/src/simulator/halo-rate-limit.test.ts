import { describe, expect, it } from 'vitest'
import { startHaloTestSession } from './halo-test-session'
import { haloRateLimitText } from './halo-rate-limit'

describe('Halo simulator: rolling rate limit', () => {
  it('answers 429 with Halo’s text and no Retry-After once the budget is spent', async () => {
    let now = Date.UTC(2024, 4, 2, 8, 0, 0)
    const { api } = await startHaloTestSession({ clock: { now: () => now }, rateLimit: { limit: 3, windowMs: 300_000 } })
    for (let index = 0; index < 3; index += 1) expect((await api('/Status')).status).toBe(200)
    const limited = await api('/Status')
    expect(limited.status).toBe(429)
    expect(await limited.text()).toBe('Rate Limit Reached - 3 Requests per rolling 5 minute window')
    expect(limited.headers.get('retry-after')).toBeNull()
    // The window rolls: the three leave it exactly five minutes later, and rejected requests never counted.
    now += 299_999
    expect((await api('/Status')).status).toBe(429)
    now += 1
    for (let index = 0; index < 3; index += 1) expect((await api('/Status')).status).toBe(200)
    expect((await api('/Status')).status).toBe(429)
  })

  it('sends Retry-After in whole seconds until a slot frees when asked to', async () => {
    let now = Date.UTC(2024, 4, 2, 8, 0, 0)
    const { api } = await startHaloTestSession({ clock: { now: () => now }, rateLimit: { limit: 2, windowMs: 60_000, retryAfter: true } })
    await api('/Status')
    now += 10_500
    await api('/Status')
    const limited = await api('/Status')
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('50')
  })

  it('enforces Halo’s hosted 300 per rolling 5 minutes by default', async () => {
    const now = Date.UTC(2024, 4, 2, 8, 0, 0)
    const { api } = await startHaloTestSession({ clock: { now: () => now }, rateLimit: {} })
    const statuses = await Promise.all(Array.from({ length: 301 }, () => api('/Status').then((response) => response.status)))
    expect(statuses.filter((status) => status === 200)).toHaveLength(300)
    expect(statuses.filter((status) => status === 429)).toHaveLength(1)
    expect(haloRateLimitText({ limit: 300, windowMs: 300_000 })).toBe('Rate Limit Reached - 300 Requests per rolling 5 minute window')
  })
})
