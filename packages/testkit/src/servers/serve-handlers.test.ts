import { http, HttpResponse } from 'msw'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMockServer } from './create-mock-server'
import { serveHandlers, type ServedHandlers } from './serve-handlers'

const handlers = [
  http.get('*/api/Status', () => HttpResponse.json([{ id: 1, name: 'New' }])),
  http.post('*/api/Tickets', async ({ request }) => HttpResponse.json({ received: await request.json() }, { status: 201 })),
  http.get('*/api/Attachment/image/1', () => new HttpResponse(new Uint8Array([0, 1, 254, 255]), { headers: { 'content-type': 'image/png' } })),
  http.get('*/api/broken', () => HttpResponse.error()),
]

describe('serveHandlers', () => {
  let served: ServedHandlers
  beforeAll(async () => {
    served = await serveHandlers(handlers)
  })
  afterAll(() => served.close())

  it('answers through the msw handlers over a real socket on 127.0.0.1', async () => {
    expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(await (await fetch(`${served.url}/api/Status`)).json()).toEqual([{ id: 1, name: 'New' }])
    const created = await fetch(`${served.url}/api/Tickets`, {
      method: 'POST',
      body: JSON.stringify([{ summary: 'x' }]),
      headers: { 'content-type': 'application/json' },
    })
    expect(created.status).toBe(201)
    expect(await created.json()).toEqual({ received: [{ summary: 'x' }] })
    expect(served.requests.map((request) => `${request.method} ${new URL(request.url).pathname}`)).toEqual(['GET /api/Status', 'POST /api/Tickets'])
  })

  it('keeps binary bodies byte for byte', async () => {
    const bytes = new Uint8Array(await (await fetch(`${served.url}/api/Attachment/image/1`)).arrayBuffer())
    expect([...bytes]).toEqual([0, 1, 254, 255])
  })

  it('drops the connection for HttpResponse.error() and answers 404 where no handler matches', async () => {
    await expect(fetch(`${served.url}/api/broken`)).rejects.toThrow()
    const missing = await fetch(`${served.url}/api/Nothing`)
    expect(missing.status).toBe(404)
    expect(((await missing.json()) as { error: string }).error).toContain('/api/Nothing')
  })
})

describe('createMockServer', () => {
  it('intercepts in-process and records requests', async () => {
    const mock = createMockServer(handlers)
    try {
      const response = await fetch('https://acme.halopsa.com/api/Status')
      expect(response.status).toBe(200)
      await new Promise((resolve) => setTimeout(resolve, 10))
      expect(mock.requests[0]?.url).toBe('https://acme.halopsa.com/api/Status')
    } finally {
      mock.close()
    }
  })
})
