import { randomUUID } from 'node:crypto'
import { AbortError } from '@ticketbridge/core'
import type { LogFields, TransportRateLimitEvent } from '@ticketbridge/http'
import { createMockServer } from '@ticketbridge/testkit'
import { delay, http, HttpResponse } from 'msw'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { createTestClient, testApiBase } from './__fixtures__/autotask-test-tenant'
import { autotaskEndpointOf } from './autotask-rate-limiter'

const server = createMockServer([])
afterEach(() => server.reset())
afterAll(() => server.close())

/** Counts requests in flight per endpoint, as Autotask's thread limit does. */
function trackConcurrency() {
  const inFlight = new Map<string, number>()
  const highest = new Map<string, number>()
  let overall = 0
  let overallHighest = 0
  const track = (endpoint: string) => async () => {
    inFlight.set(endpoint, (inFlight.get(endpoint) ?? 0) + 1)
    overall += 1
    highest.set(endpoint, Math.max(highest.get(endpoint) ?? 0, inFlight.get(endpoint)!))
    overallHighest = Math.max(overallHighest, overall)
    await delay(40)
    inFlight.set(endpoint, inFlight.get(endpoint)! - 1)
    overall -= 1
    return HttpResponse.json({ itemId: 1, item: { id: 1 } })
  }
  server.use(
    http.get(`${testApiBase}/Tickets/:id`, track('Tickets')),
    http.get(`${testApiBase}/Companies/:id`, track('Companies')),
    http.post(`${testApiBase}/Tickets`, track('Tickets')),
    http.post(`${testApiBase}/Tickets/:id/Notes`, track('Tickets')),
  )
  return { highest: (endpoint: string) => highest.get(endpoint) ?? 0, overallHighest: () => overallHighest }
}

describe('per-endpoint concurrency', () => {
  it('never has more than 3 requests in flight per endpoint, while endpoints run side by side', async () => {
    const concurrency = trackConcurrency()
    const client = createTestClient()
    await Promise.all([
      ...Array.from({ length: 12 }, (_, index) => client.tickets.get(index + 1)),
      ...Array.from({ length: 12 }, (_, index) => client.companies.get(index + 1)),
    ])
    expect(concurrency.highest('Tickets')).toBe(3)
    expect(concurrency.highest('Companies')).toBe(3)
    expect(concurrency.overallHighest()).toBeGreaterThan(3)
  })

  it('shares the lanes between clients of one tenant and integration code, and counts child routes to their endpoint', async () => {
    const concurrency = trackConcurrency()
    const rateLimitKey = `shared-${randomUUID()}`
    const first = createTestClient({ rateLimitKey })
    const second = createTestClient({ rateLimitKey })
    await Promise.all([
      ...Array.from({ length: 6 }, (_, index) => first.tickets.get(index + 1)),
      ...Array.from({ length: 6 }, (_, index) => second.tickets.addNote(index + 1, { description: 'note', noteType: 1, publish: 1 })),
    ])
    expect(concurrency.highest('Tickets')).toBe(3)
  })

  it('counts a child route against its own entity as well, whichever Autotask counts it under', async () => {
    const notes = { inFlight: 0, highest: 0 }
    const track = async () => {
      notes.inFlight += 1
      notes.highest = Math.max(notes.highest, notes.inFlight)
      await delay(40)
      notes.inFlight -= 1
      return HttpResponse.json({ itemId: 1, items: [], pageDetails: { count: 0, requestCount: 500 } })
    }
    server.use(http.post(`${testApiBase}/TicketNotes/query`, track), http.post(`${testApiBase}/Tickets/:id/Notes`, track))
    const client = createTestClient({ rateLimitKey: `child-${randomUUID()}` })
    await Promise.all([
      ...Array.from({ length: 4 }, () => client.ticketNotes.query({ filter: [{ op: 'gt', field: 'id', value: 0 }] })),
      ...Array.from({ length: 4 }, (_, index) => client.tickets.addNote(index + 1, { description: 'note', noteType: 1, publish: 1 })),
    ])
    expect(notes.highest).toBe(3)
  })

  it('keeps batches to the cap too', async () => {
    const concurrency = trackConcurrency()
    const client = createTestClient()
    const results = await client.tickets.createMany(
      Array.from({ length: 10 }, (_, index) => ({ title: `Batch ${index}`, companyID: 0 })),
      { concurrency: 10 },
    )
    expect(results.every((result) => result.ok)).toBe(true)
    expect(concurrency.highest('Tickets')).toBe(3)
  })

  it('names the endpoint of a request the way the thread limit counts it', () => {
    expect(autotaskEndpointOf('/Tickets/query')).toBe('Tickets')
    // A child route takes a thread of its parent and of its own entity.
    expect(autotaskEndpointOf('/Tickets/12/Notes')).toBe('Tickets+TicketNotes')
    expect(autotaskEndpointOf('/Tickets/12/Attachments/7')).toBe('Tickets+TicketAttachments')
    expect(autotaskEndpointOf(`${testApiBase}/TicketNotes/query/next?paging=x`)).toBe('TicketNotes')
  })
})

describe('hourly budget', () => {
  it('resyncs the budget from ThresholdInformation and waits when it is used up', async () => {
    server.use(
      http.get(`${testApiBase}/ThresholdInformation`, () =>
        HttpResponse.json({ externalRequestThreshold: 5, requestThresholdTimeframe: 60, currentTimeframeRequestCount: 3 }),
      ),
      http.get(`${testApiBase}/Tickets/:id`, () => HttpResponse.json({ item: { id: 1 } })),
    )
    const events: TransportRateLimitEvent[] = []
    const client = createTestClient({ onRateLimit: (event) => events.push(event) })
    const threshold = await client.thresholdInformation()
    expect(threshold.currentTimeframeRequestCount).toBe(3)
    // Autotask's 3, and the threshold call on top (answered after the count was taken, it may not
    // be in it): one more fits under the 5, the next waits.
    expect(await client.hourlyRequestsUsed()).toBe(4)
    await client.tickets.get(1)
    expect(await client.hourlyRequestsUsed()).toBe(5)
    const controller = new AbortController()
    const waiting = client.tickets.get(2, { signal: controller.signal })
    await new Promise((resolve) => setTimeout(resolve, 30))
    controller.abort()
    await expect(waiting).rejects.toSatisfy((error) => AbortError.isInstance(error))
    expect(events).toContainEqual(expect.objectContaining({ budget: 'hourly', source: 'limiter', reason: 'budget' }))
    expect(server.requests.filter((request) => request.url.endsWith('/Tickets/2'))).toHaveLength(0)
  })

  it('says at warn when the database reports the hour used up, before calls start to wait', async () => {
    server.use(
      http.get(`${testApiBase}/ThresholdInformation`, () =>
        HttpResponse.json({ externalRequestThreshold: 10_000, requestThresholdTimeframe: 60, currentTimeframeRequestCount: 10_250 }),
      ),
    )
    const lines: { level: string; message: string; fields?: LogFields }[] = []
    const line = (level: string) => (message: string, fields?: LogFields) => void lines.push({ level, message, ...(fields ? { fields } : {}) })
    const client = createTestClient({ logger: { debug: line('debug'), info: line('info'), warn: line('warn'), error: line('error') } })
    await client.thresholdInformation()
    expect(lines).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        message: expect.stringContaining('hourly threshold reached'),
        fields: expect.objectContaining({ used: 10_250, limit: 10_000 }),
      }),
    )
  })

  it('shares one hourly budget between clients of the tenant', async () => {
    server.use(http.get(`${testApiBase}/Tickets/:id`, () => HttpResponse.json({ item: { id: 1 } })))
    const rateLimitKey = `budget-${randomUUID()}`
    const first = createTestClient({ rateLimitKey })
    const second = createTestClient({ rateLimitKey })
    await first.tickets.get(1)
    await second.tickets.get(1)
    expect(await first.hourlyRequestsUsed()).toBe(2)
  })

  it('resyncs by itself when the client is used after the interval', async () => {
    let thresholdCalls = 0
    server.use(
      http.get(`${testApiBase}/ThresholdInformation`, () => {
        thresholdCalls += 1
        return HttpResponse.json({ externalRequestThreshold: 10_000, requestThresholdTimeframe: 60, currentTimeframeRequestCount: 1234 })
      }),
      http.get(`${testApiBase}/Tickets/:id`, () => HttpResponse.json({ item: { id: 1 } })),
    )
    const client = createTestClient({ thresholdResyncIntervalMs: 60_000 })
    await client.tickets.get(1)
    await new Promise((resolve) => setTimeout(resolve, 30))
    await client.tickets.get(1)
    expect(thresholdCalls).toBe(1)
    // Autotask's count (1,234) replaced ours, plus the request made after it.
    expect(await client.hourlyRequestsUsed()).toBeGreaterThanOrEqual(1234)
  })
})
