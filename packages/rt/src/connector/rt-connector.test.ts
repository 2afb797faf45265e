import { ConfigurationError } from '@ticketbridge/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rtConnector, rtDocumentedRateLimit } from './rt-connector'

describe('rtConnector', () => {
  let running: Awaited<ReturnType<typeof rtConnector.startSimulator>>
  beforeAll(async () => {
    running = await rtConnector.startSimulator({ seedTickets: 3, record: true })
  })
  afterAll(() => running?.close())

  it('starts the simulator with seeded tickets and connects an adapter that reads them, counting requests', async () => {
    const adapter = running.connect({ retry: { maxRetries: 1, baseDelayMs: 10, maxDelayMs: 50 } })
    const before = running.requestCount()
    const tickets = await adapter.tickets.list().toArray({ limit: 10 })
    expect(tickets.length).toBeGreaterThanOrEqual(3)
    expect(tickets.filter((ticket) => ticket.subject.startsWith('Seeded')).length).toBe(3)
    expect(running.requestCount()).toBeGreaterThan(before)
    await adapter.close()
  })

  it('builds an adapter from the running simulator’s settings, as the CLI does', async () => {
    const adapter = rtConnector.createAdapter(running.settings)
    expect(adapter.vendor).toBe('rt')
    expect((await adapter.lookups.queues()).map((queue) => queue.name)).toContain('General')
    expect(rtConnector.instanceOf({ ...running.settings, url: `${running.url.toUpperCase()}/` })).toBe(running.url.toLowerCase())
    await adapter.close()
    expect(() => rtConnector.createAdapter({ url: running.url })).toThrow(ConfigurationError)
  })

  it('marks exactly the credentials secret, declares no rate limit, and costs requests by address', () => {
    const secret = Object.entries(rtConnector.settings)
      .filter(([, setting]) => setting.secret)
      .map(([name]) => name)
    expect(secret.sort()).toEqual(['password', 'token'])
    expect(rtConnector.rateLimit).toBeUndefined()
    expect(rtDocumentedRateLimit).toBeUndefined()
    expect(rtConnector.requestCost(`${running.url}/REST/2.0/queues/all?page=1`)).toEqual({ rateLimited: false, fixedCost: true })
    expect(rtConnector.requestCost(`${running.url}/REST/2.0/tickets?query=id>0`)).toEqual({ rateLimited: false, fixedCost: false })
    // The time zone, read once from RT's preferences page.
    expect(rtConnector.requestCost(`${running.url}/Prefs/AboutMe.html`)).toEqual({ rateLimited: false, fixedCost: true })
    expect(rtConnector.apiMinimum.write({ tickets: 10, comments: 15, files: 5, ticketsWithFiles: 3 })).toBe(25)
    // 1,000 tickets: 10 pages of tickets, 30 of transactions, 35 of parts, and each of the 500 files.
    expect(rtConnector.apiMinimum.read({ tickets: 1_000, comments: 2_000, files: 500, ticketsWithFiles: 400 })).toBe(575)
  })
})
