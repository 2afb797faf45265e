import { afterEach, describe, expect, it } from 'vitest'
import { createAutotaskSimulator, type AutotaskServedSimulator } from './index'
import { createTestCaller } from './test-support/autotask-test-caller'

describe('Autotask simulator: thread limits and the hourly threshold', () => {
  let served: AutotaskServedSimulator | undefined
  afterEach(async () => {
    await served?.close()
    served = undefined
  })

  it('lets 3 requests run on one endpoint and answers the 4th and 5th with the thread-limit error', async () => {
    const simulator = createAutotaskSimulator({ latencyMs: 400 })
    served = await simulator.serve()
    const caller = createTestCaller(served.url, simulator.credentials)
    const query = { filter: [{ op: 'gte', field: 'id', value: 0 }] }
    const answers = await Promise.all([
      ...Array.from({ length: 5 }, () => caller.call('POST', '/Tickets/query', query)),
      // Another endpoint has its own threads.
      caller.call('POST', '/Companies/query', query),
    ])
    const tickets = answers.slice(0, 5)
    expect(tickets.filter((answer) => answer.status === 200)).toHaveLength(3)
    const limited = tickets.filter((answer) => answer.status !== 200)
    expect(limited).toHaveLength(2)
    for (const answer of limited) {
      expect(answer.status).toBe(429)
      expect(answer.body.errors[0]).toBe('Thread threshold of 3 threads has been exceeded for the Tickets endpoint. Error code: Itgenatr005')
    }
    expect(answers[5]!.status).toBe(200)
    // The threads are free again once the answers are out.
    expect((await caller.call('POST', '/Tickets/query', query)).status).toBe(200)
  })

  it('refuses requests beyond the rolling hour threshold until the window slides', async () => {
    let now = Date.parse('2025-06-02T08:00:00Z')
    const simulator = createAutotaskSimulator({ hourlyLimit: 10, clock: { now: () => now }, usageLatencyScale: 0 })
    served = await simulator.serve()
    const caller = createTestCaller(served.url, simulator.credentials)
    for (let index = 0; index < 9; index += 1) {
      expect((await caller.call('GET', '/Tickets/entityInformation')).status).toBe(200)
      now += 60_000
    }
    const threshold = await caller.call('GET', '/ThresholdInformation')
    expect(threshold.body).toEqual({ externalRequestThreshold: 10, requestThresholdTimeframe: 60, currentTimeframeRequestCount: 10 })
    const refused = await caller.call('GET', '/Tickets/entityInformation')
    expect(refused.status).toBe(429)
    expect(refused.body.errors[0]).toContain('threshold of 10 requests per 60 minutes has been exceeded')
    // Zone discovery is neither counted nor refused.
    expect((await fetch(`${served.zoneDiscoveryUrl}?user=${encodeURIComponent(simulator.credentials.username)}`)).status).toBe(200)
    // An hour after the first request, it leaves the window.
    now = Date.parse('2025-06-02T09:00:00.001Z')
    expect((await caller.call('GET', '/Tickets/entityInformation')).status).toBe(200)
    expect(simulator.thresholdInformation().currentTimeframeRequestCount).toBe(10)
  })

  it('adds latency above 50 % and 75 % of the threshold, scaled by usageLatencyScale', async () => {
    const simulator = createAutotaskSimulator({ hourlyLimit: 8, usageLatency: { atHalfMs: 100, atThreeQuartersMs: 300 }, usageLatencyScale: 1 })
    served = await simulator.serve()
    const caller = createTestCaller(served.url, simulator.credentials)
    const timed = async (): Promise<number> => {
      const started = performance.now()
      expect((await caller.call('GET', '/Version')).status).toBe(200)
      return performance.now() - started
    }
    for (let index = 0; index < 3; index += 1) await timed()
    // The 4th request brings usage to 50 %, the 6th to 75 %: lower bounds only.
    expect(await timed()).toBeGreaterThanOrEqual(90)
    await timed()
    expect(await timed()).toBeGreaterThanOrEqual(280)
  })
})
