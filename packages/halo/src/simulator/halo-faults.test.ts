import type { ConformanceFaults } from '@ticketbridge/testkit'
import { describe, expect, it } from 'vitest'
import { requestToken, startHaloTestSession } from './halo-test-session'

describe('Halo simulator: injected faults', () => {
  it('plays a status with and without Retry-After, each for `count` requests, then answers normally', async () => {
    const { simulator, api } = await startHaloTestSession()
    simulator.faults.inject({ kind: 'status', status: 503, retryAfterSeconds: 2, count: 2 })
    simulator.faults.inject({ kind: 'status', status: 429 })
    simulator.faults.inject({ kind: 'status', status: 429, retryAfterSeconds: 0.4 })
    const first = await api('/Status')
    expect(first.status).toBe(503)
    expect(first.headers.get('retry-after')).toBe('2')
    expect(await first.json()).toMatchObject({ ClassName: 'System.Exception' })
    expect((await api('/Status')).status).toBe(503)
    const limited = await api('/Status')
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBeNull()
    expect(await limited.text()).toBe('Rate Limit Reached - 300 Requests per rolling 5 minute window')
    const withDelay = await api('/Status')
    expect(withDelay.headers.get('retry-after')).toBe('0.4')
    expect(simulator.faults.pending).toBe(0)
    expect((await api('/Status')).status).toBe(200)
  })

  it('drops the connection on reset', async () => {
    const { simulator, api } = await startHaloTestSession()
    simulator.faults.inject({ kind: 'reset' })
    await expect(api('/Status')).rejects.toThrow()
    expect((await api('/Status')).status).toBe(200)
  })

  it('answers a 200 HTML page on html', async () => {
    const { simulator, api } = await startHaloTestSession()
    simulator.faults.inject({ kind: 'html' })
    const page = await api('/Status')
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toContain('text/html')
    expect(await page.text()).toContain('<!DOCTYPE html>')
  })

  it('waits on delay and then answers normally', async () => {
    const { simulator, api } = await startHaloTestSession()
    simulator.faults.inject({ kind: 'delay', ms: 300 })
    const started = performance.now()
    const response = await api('/Status')
    expect(performance.now() - started).toBeGreaterThanOrEqual(290)
    expect(response.status).toBe(200)
  })

  it('applies to the token endpoint too, and clear() forgets queued faults', async () => {
    const { simulator, server, api } = await startHaloTestSession()
    const { credentials } = simulator
    simulator.faults.inject({ kind: 'status', status: 500 })
    const token = await requestToken(
      server,
      { grant_type: 'client_credentials', client_id: credentials.clientId, client_secret: credentials.clientSecret },
      credentials.tenant,
    )
    expect(token.status).toBe(500)
    simulator.faults.inject({ kind: 'reset', count: 5 })
    simulator.faults.clear()
    expect((await api('/Status')).status).toBe(200)
  })

  it('is a conformance harness fault knob as it is', () => {
    return startHaloTestSession().then(({ simulator }) => {
      const faults: ConformanceFaults = simulator.faults
      faults.inject({ kind: 'delay', ms: 1, count: 3 })
      expect(simulator.faults.pending).toBe(3)
      faults.clear()
      expect(simulator.faults.pending).toBe(0)
    })
  })
})
