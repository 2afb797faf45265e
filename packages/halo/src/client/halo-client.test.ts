import { ConfigurationError, UnsupportedOperationError } from '@ticketbridge/core'
import { releaseSharedRateLimiter, type TransportRateLimitEvent } from '@ticketbridge/http'
import { http, HttpResponse } from 'msw'
import { afterEach, describe, expect, expectTypeOf, it } from 'vitest'
import { HaloClient } from './halo-client'
import type { HaloResponseOf, HaloSchema } from './halo-openapi-types'
import { type MockHalo, mockClientSettings, mockOrigin, startMockHalo } from './__fixtures__/mock-halo-instance'

let mock: MockHalo | undefined
afterEach(() => {
  mock?.close()
  mock = undefined
})

describe('HaloClient', () => {
  it('reaches any path of the spec with typed query, path parameters and bodies', async () => {
    const seen: { method: string; url: URL; body?: unknown }[] = []
    mock = startMockHalo({
      handlers: () => [
        http.get(`${mockOrigin}/api/Workflow/:id`, ({ request }) => {
          seen.push({ method: 'GET', url: new URL(request.url) })
          return HttpResponse.json({ id: 3, steps: [] })
        }),
        http.post(`${mockOrigin}/api/Tags`, async ({ request }) => {
          seen.push({ method: 'POST', url: new URL(request.url), body: await request.json() })
          return HttpResponse.json({ id: 11, text: 'vip' })
        }),
        http.delete(`${mockOrigin}/api/Tags/:id`, ({ request }) => {
          seen.push({ method: 'DELETE', url: new URL(request.url) })
          return new HttpResponse(null, { status: 200 })
        }),
      ],
    })
    const client = new HaloClient(mockClientSettings())
    expect(await client.get('/Workflow/{id}', { params: { id: 3 }, query: { includedetails: true } })).toEqual({ id: 3, steps: [] })
    expect(await client.post('/Tags', [{ text: 'vip' }])).toEqual({ id: 11, text: 'vip' })
    await client.delete('/Tags/{id}', { params: { id: 11 } })
    expect(seen.map((entry) => `${entry.method} ${entry.url.pathname}${entry.url.search}`)).toEqual([
      'GET /api/Workflow/3?includedetails=true',
      'POST /api/Tags',
      'DELETE /api/Tags/11',
    ])
    expect(seen[1]!.body).toEqual([{ text: 'vip' }])
    // A path parameter left out is named before anything is sent.
    const missing = await client.get('/Workflow/{id}', { params: {} as { id: number } }).catch((error: unknown) => error)
    expect(ConfigurationError.isInstance(missing) && missing.option).toBe('params.id')
  })

  it('types raw answers from the spec’s schemas: a record, a wrapped list, an upsert, bytes; unknown where nothing is known', async () => {
    mock = startMockHalo({
      handlers: () => [
        http.get(`${mockOrigin}/api/Tickets/:id`, () => HttpResponse.json({ id: 4812, summary: 'VPN drops', status_id: 2 })),
        http.get(`${mockOrigin}/api/Tickets`, () => HttpResponse.json({ record_count: 1, tickets: [{ id: 4812, summary: 'VPN drops' }] })),
        http.post(`${mockOrigin}/api/Actions`, () => HttpResponse.json({ id: 3, ticket_id: 4812, who: 'Sam Agent' })),
        http.get(`${mockOrigin}/api/Attachment/:id`, () => new HttpResponse(new Uint8Array([1, 2, 3]), { headers: { 'content-type': 'image/png' } })),
      ],
    })
    const client = new HaloClient(mockClientSettings())
    const ticket = await client.get('/Tickets/{id}', { params: { id: 4812 } })
    const summary: string | null | undefined = ticket.summary
    expect(summary).toBe('VPN drops')
    // @ts-expect-error Faults has no such field: the answer is typed from the spec's schema.
    expect(ticket.not_a_field).toBeUndefined()
    const page = await client.get('/Tickets', { query: { pageinate: true, page_size: 10, page_no: 1 } })
    const total: number = page.record_count
    expect([total, (page.tickets ?? []).map((row) => row.id)]).toEqual([1, [4812]])
    const saved = await client.post('/Actions', [{ ticket_id: 4812, outcome_id: 7, note: 'Rebooted.' }])
    // One record sent, one answered; `who` is typed although the spec does not declare it (halo.md §4.2).
    expect(Array.isArray(saved) ? undefined : saved.who).toBe('Sam Agent')
    const bytes: Uint8Array = await client.get('/Attachment/{id}', { params: { id: 7 }, responseType: 'bytes' })
    expect([...bytes]).toEqual([1, 2, 3])
    const faults: HaloSchema<'Faults'> = ticket
    expect(faults.id).toBe(4812)
    // No schema says what /InstanceInfo answers, nor what a delete does: they stay unknown.
    expectTypeOf<HaloResponseOf<'/InstanceInfo', 'get'>>().toBeUnknown()
    expectTypeOf<HaloResponseOf<'/Tickets/{id}', 'delete'>>().toBeUnknown()
  })

  it('shares one request budget between all clients of an instance', async () => {
    mock = startMockHalo({ handlers: () => [http.get(`${mockOrigin}/api/Agent/me`, () => HttpResponse.json({ id: 5 }))] })
    const key = 'halo:test-shared-budget'
    const waits: TransportRateLimitEvent[] = []
    const settings = mockClientSettings({
      rateLimit: { requests: 3, windowMs: 250, key },
      onRateLimit: (event: TransportRateLimitEvent) => waits.push(event),
    })
    const first = new HaloClient(settings)
    const second = new HaloClient(settings)
    try {
      await first.agents.me()
      await second.agents.me()
      await first.agents.me()
      expect(waits).toEqual([])
      const started = performance.now()
      await second.agents.me()
      // The fourth call of the instance waited for the window, whichever client sent the others.
      expect(waits).toHaveLength(1)
      expect(waits[0]).toMatchObject({ source: 'limiter', reason: 'budget' })
      expect(performance.now() - started).toBeGreaterThanOrEqual(100)
    } finally {
      releaseSharedRateLimiter(key)
    }
  })

  it('refuses calls after close()', async () => {
    mock = startMockHalo({ handlers: () => [http.get(`${mockOrigin}/api/Agent/me`, () => HttpResponse.json({ id: 5 }))] })
    const client = new HaloClient(mockClientSettings())
    await client.agents.me()
    await client.close()
    expect(UnsupportedOperationError.isInstance(await client.agents.me().catch((error: unknown) => error))).toBe(true)
  })
})
