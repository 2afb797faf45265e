import { ConfigurationError } from '@ticketbridge/core'
import { http, HttpResponse } from 'msw'
import { afterEach, describe, expect, it } from 'vitest'
import { HaloClient } from './halo-client'
import { checkHaloQueryKeys, haloQueryNames } from './halo-query-keys'
import { type MockHalo, mockClientSettings, mockOrigin, startMockHalo } from './__fixtures__/mock-halo-instance'

let mock: MockHalo | undefined
afterEach(() => {
  mock?.close()
  mock = undefined
})

/** A mock Halo that answers tickets and actions and records what reached it. */
function recordingHalo(seen: string[]): MockHalo {
  const record = (request: Request) => {
    const url = new URL(request.url)
    seen.push(`${request.method} ${url.pathname}${url.search}`)
  }
  return startMockHalo({
    handlers: () => [
      http.get(`${mockOrigin}/api/Tickets/:id`, ({ request }) => (record(request), HttpResponse.json({ id: 1001, summary: 'VPN' }))),
      http.get(`${mockOrigin}/api/Tickets`, ({ request }) => (record(request), HttpResponse.json({ record_count: 0, tickets: [] }))),
      http.delete(`${mockOrigin}/api/Actions/:id`, ({ request }) => (record(request), new HttpResponse(null, { status: 200 }))),
    ],
  })
}

/** The error a call rejects with. */
async function refusal(call: () => Promise<unknown>): Promise<ConfigurationError> {
  const error = await call().then(
    () => undefined,
    (reason: unknown) => reason,
  )
  if (!ConfigurationError.isInstance(error)) throw new Error(`expected a ConfigurationError, got ${String(error)}`)
  return error
}

describe('query keys the Halo spec does not list', () => {
  it('refuses call options passed where the query goes, naming the key and where they belong; nothing is sent', async () => {
    const seen: string[] = []
    mock = recordingHalo(seen)
    const client = new HaloClient(mockClientSettings())
    // What plain JavaScript can do: the second argument of get() is the query, the third the call options.
    const timeout = await refusal(() => client.tickets.get(1001, { timeoutMs: 1 } as never))
    expect(timeout.option).toBe('query.timeoutMs')
    expect(timeout.message).toContain('GET /Tickets/{id}')
    expect(timeout.message).toContain("'timeoutMs' is a call option")
    expect(timeout.message).toContain('client.tickets.get(1001, {}, { timeoutMs })')
    const signal = await refusal(() => client.tickets.list({ signal: new AbortController().signal } as never).toArray({ limit: 1 }))
    expect(signal.message).toContain("'signal' is a call option")
    const raw = await refusal(() => client.get('/Tickets/{id}', { params: { id: 1001 }, query: { timeoutMs: 5 } as never }))
    expect(raw.message).toContain('give it beside query, as in client.get(path, { query, timeoutMs })')
    expect(seen).toEqual([])
  })

  it('suggests the spec’s spelling of a misspelled filter, or lists what the path takes', async () => {
    mock = recordingHalo([])
    const client = new HaloClient(mockClientSettings())
    const misspelled = await refusal(() => client.tickets.list({ status_idd: 9 } as never).toArray({ limit: 1 }))
    expect(misspelled.message).toMatch(/^GET \/Tickets: query key 'status_idd' is not in the Halo spec for this path\. Did you mean 'status_id'\?/)
    const unknownOnDelete = await refusal(() => client.delete('/Tickets/{id}', { params: { id: 1 }, query: { why: 'duplicate' } as never }))
    expect(unknownOnDelete.message).toContain('DELETE /Tickets/{id} takes reason.')
    expect(unknownOnDelete.message).toContain('use client.request()')
    const many = await refusal(() => client.get('/Tickets', { query: { nothing_like_it: true } as never }))
    expect(many.message).toMatch(/GET \/Tickets takes \d{3} query parameters \(listed by the type HaloQueryOf<'\/Tickets', 'get'>\)/)
    const none = await refusal(() => client.get('/InstanceInfo', { query: { x: 1 } as never }))
    expect(none.message).toContain('GET /InstanceInfo takes no query parameters.')
  })

  it('lets every declared key through, the practice-documented extras too, and ignores keys left undefined', async () => {
    const seen: string[] = []
    mock = recordingHalo(seen)
    const client = new HaloClient(mockClientSettings())
    await client.tickets.get(1001, { includelastaction: true, nocache: undefined })
    await client.get('/Tickets', { query: { pageinate: true, page_size: 5, page_no: 1, open_only: true } })
    await client.actions.delete(1001, 3)
    expect(seen).toEqual([
      'GET /api/Tickets/1001?includedetails=true&includelastaction=true',
      'GET /api/Tickets?pageinate=true&page_size=5&page_no=1&open_only=true',
      'DELETE /api/Actions/3?ticket_id=1001',
    ])
    expect(haloQueryNames('delete', '/Actions/{id}')).toEqual(['ticket_id'])
    expect(() => checkHaloQueryKeys('get', '/Actions', { ticket_id: 1, excludesys: null }, 'resource')).not.toThrow()
  })
})
