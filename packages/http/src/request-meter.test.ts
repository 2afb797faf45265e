import { afterEach, describe, expect, it } from 'vitest'
import { createHttpTransport } from './http-transport'
import { createRequestMeter } from './request-meter'
import { startScriptedServer, type ScriptedServer } from './test-support/start-scripted-server'

let server: ScriptedServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

describe('createRequestMeter', () => {
  it('counts every attempt a transport sends through it, retries included', async () => {
    server = await startScriptedServer([
      { status: 200, body: { id: 1 } },
      { status: 503, body: { error: 'busy' } },
      { status: 200, body: { id: 2 } },
    ])
    const meter = createRequestMeter()
    const transport = createHttpTransport({
      vendor: 'test',
      baseUrl: server.url,
      axiosInstance: meter.axiosInstance,
      retry: { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 5 },
      logLevel: 'off',
    })
    await transport.get('/first')
    expect(meter.requests).toBe(1)
    await transport.get('/second')
    expect(meter.requests).toBe(3)
  })
})
