import type { ConformanceFaults } from '@ticketbridge/testkit'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createAutotaskSimulator, type AutotaskServedSimulator } from './index'
import { createTestCaller, type AutotaskTestCaller } from './test-support/autotask-test-caller'

describe('Autotask simulator: faults', () => {
  const simulator = createAutotaskSimulator()
  let served: AutotaskServedSimulator
  let caller: AutotaskTestCaller
  beforeAll(async () => {
    served = await simulator.serve()
    caller = createTestCaller(served.url, simulator.credentials)
  })
  beforeEach(() => simulator.faults.clear())
  afterAll(() => served.close())

  it('answers a status fault with the errors body and Retry-After, count times, then recovers', async () => {
    simulator.faults.inject({ kind: 'status', status: 429, retryAfterSeconds: 2, count: 2 })
    for (let index = 0; index < 2; index += 1) {
      const answer = await caller.call('GET', '/Tickets/entityInformation')
      expect(answer.status).toBe(429)
      expect(answer.headers.get('retry-after')).toBe('2')
      expect(answer.body.errors[0]).toContain('Simulated HTTP 429')
    }
    expect((await caller.call('GET', '/Tickets/entityInformation')).status).toBe(200)
  })

  it('drops the connection for a reset fault', async () => {
    simulator.faults.inject({ kind: 'reset' })
    await expect(caller.call('GET', '/Tickets/entityInformation')).rejects.toThrow()
    expect((await caller.call('GET', '/Tickets/entityInformation')).status).toBe(200)
  })

  it('answers an HTML page for an html fault', async () => {
    simulator.faults.inject({ kind: 'html' })
    const answer = await caller.call('GET', '/Tickets/entityInformation')
    expect(answer.headers.get('content-type')).toContain('text/html')
    expect(answer.body).toContain('<html>')
  })

  it('answers late, but normally, for a delay fault', async () => {
    simulator.faults.inject({ kind: 'delay', ms: 250 })
    const started = performance.now()
    const answer = await caller.call('GET', '/Tickets/entityInformation')
    expect(performance.now() - started).toBeGreaterThanOrEqual(240)
    expect(answer.body.info.name).toBe('Tickets')
  })

  it('fits the conformance harness as it is', () => {
    const harnessFaults: ConformanceFaults = simulator.faults
    harnessFaults.inject({ kind: 'delay', ms: 1, count: 2 })
    expect(simulator.faults.pending).toBe(2)
  })

  it('plays faults on zone discovery too, and forgets them on clear()', async () => {
    simulator.faults.inject({ kind: 'status', status: 503, count: 3 })
    expect((await fetch(`${served.zoneDiscoveryUrl}?user=${encodeURIComponent(simulator.credentials.username)}`)).status).toBe(503)
    expect(simulator.faults.pending).toBe(2)
    simulator.faults.clear()
    expect((await caller.call('GET', '/Tickets/entityInformation')).status).toBe(200)
  })
})
