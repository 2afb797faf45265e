import { describe, expect, it } from 'vitest'
import { haloDocumentedRateLimit } from '../adapter/halo-rate-limit'
import { haloConnector } from './halo-connector'

describe('Halo connector', () => {
  it('starts the simulator with generated tickets, connects to it, and counts the requests it answered', async () => {
    const running = await haloConnector.startSimulator({ seedTickets: 3, record: true })
    try {
      const adapter = running.connect()
      const before = running.requestCount()
      const tickets = await adapter.tickets.list().toArray({ limit: 1000 })
      expect(tickets.length).toBeGreaterThanOrEqual(3)
      expect(tickets).toHaveLength(running.simulator.state.tickets.all().length)
      expect(running.requestCount()).toBeGreaterThan(before)
      // Without a budget the adapter's pace is out of reach, as the simulator's limit is.
      expect(adapter.rateLimit).toEqual({ requests: 10_000_000, windowMs: 300_000, source: haloDocumentedRateLimit.source })
    } finally {
      await running.close()
    }
  })

  it('marks exactly the credentials as secrets', () => {
    const secrets = Object.entries(haloConnector.settings).flatMap(([name, setting]) => (setting.secret ? [name] : []))
    expect(secrets.sort()).toEqual(['clientSecret', 'password'])
    expect(haloConnector.rateLimit).toEqual({
      requests: 300,
      windowMs: 300_000,
      source: 'Halo hosted: about 300 requests per rolling 5 minutes (halo.md)',
    })
  })

  it('reaches a running simulator with createAdapter and its settings alone', async () => {
    const running = await haloConnector.startSimulator({ seedTickets: 2 })
    try {
      const adapter = haloConnector.createAdapter(running.settings)
      try {
        expect(await adapter.tickets.list().toArray({ limit: 1000 })).toHaveLength(running.simulator.state.tickets.all().length)
        expect((await adapter.lookups.statuses()).length).toBeGreaterThan(0)
      } finally {
        await adapter.close()
      }
      expect(haloConnector.instanceOf(running.settings)).toContain(running.settings.resourceUrl!.toLowerCase())
      expect(Object.keys(running.settings).every((name) => name in haloConnector.settings)).toBe(true)
    } finally {
      await running.close()
    }
  })

  it('keeps connected adapters to the budget, and sends them through the proxy the caller names', async () => {
    const running = await haloConnector.startSimulator({ budget: { requests: 500, windowMs: 10_000 } })
    try {
      const rewritten: string[] = []
      const adapter = running.connect({
        retry: { maxRetries: 3, baseDelayMs: 10, maxDelayMs: 200 },
        throughProxy: (url) => {
          rewritten.push(url)
          return url
        },
      })
      expect(rewritten).toEqual([running.settings.resourceUrl])
      expect(adapter.rateLimit).toMatchObject({ requests: 500, windowMs: 10_000 })
      expect((await adapter.lookups.queues()).length).toBeGreaterThan(0)
      // The settings give the simulator's own budget and window, so a command's adapters keep to exactly it.
      expect(running.settings).toMatchObject({ requestsPerFiveMinutes: '500', rateLimitWindowSeconds: '10' })
      expect(haloConnector.createAdapter(running.settings).rateLimit).toMatchObject({ requests: 500, windowMs: 10_000 })
    } finally {
      await running.close()
    }
  })

  it('counts requests as Halo does: token calls are free, lookups and the directory a fixed cost', () => {
    expect(haloConnector.requestCost('http://127.0.0.1:1/auth/token')).toEqual({ rateLimited: false, fixedCost: true })
    expect(haloConnector.requestCost('http://127.0.0.1:1/api/Status?excludeclosed=true')).toEqual({ rateLimited: true, fixedCost: true })
    expect(haloConnector.requestCost('http://127.0.0.1:1/api/Tickets?page_no=2')).toEqual({ rateLimited: true, fixedCost: false })
    expect(haloConnector.apiMinimum.write({ tickets: 250, comments: 1000, files: 0, ticketsWithFiles: 0 })).toBe(3 + 10)
  })
})
