import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFaultProxy, type FaultProxy } from './create-fault-proxy'

describe('createFaultProxy', () => {
  const upstream = createServer((request, response) => {
    let body = ''
    request.on('data', (chunk) => (body += chunk))
    request.on('end', () => {
      response.writeHead(201, { 'content-type': 'application/json', 'x-upstream': 'yes' })
      response.end(JSON.stringify({ method: request.method, path: request.url, body }))
    })
  })
  let proxy: FaultProxy

  beforeAll(async () => {
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve))
    proxy = await createFaultProxy({ target: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}` })
  })
  afterAll(async () => {
    await proxy.close()
    await new Promise((resolve) => upstream.close(resolve))
  })

  it('forwards requests with their bodies and answers untouched', async () => {
    const response = await fetch(`${proxy.url}/REST/2.0/ticket?x=1`, { method: 'POST', body: 'hello' })
    expect(response.status).toBe(201)
    expect(response.headers.get('x-upstream')).toBe('yes')
    expect(await response.json()).toEqual({ method: 'POST', path: '/REST/2.0/ticket?x=1', body: 'hello' })
  })

  it('plays queued faults in order, then forwards again', async () => {
    proxy.faults.inject({ kind: 'status', status: 429, retryAfterSeconds: 2 })
    proxy.faults.inject({ kind: 'html' })
    proxy.faults.inject({ kind: 'reset' })
    const limited = await fetch(`${proxy.url}/a`)
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('2')
    const html = await fetch(`${proxy.url}/b`)
    expect(html.headers.get('content-type')).toContain('text/html')
    await expect(fetch(`${proxy.url}/c`)).rejects.toThrow()
    expect((await fetch(`${proxy.url}/d`)).status).toBe(201)
  })

  it('delays an answer', async () => {
    proxy.faults.inject({ kind: 'delay', ms: 200 })
    const started = performance.now()
    expect((await fetch(`${proxy.url}/slow`)).status).toBe(201)
    expect(performance.now() - started).toBeGreaterThanOrEqual(180)
  })

  it('delays a write with its body', async () => {
    proxy.faults.inject({ kind: 'delay', ms: 50 })
    const response = await fetch(`${proxy.url}/REST/2.0/ticket`, { method: 'POST', body: 'late but whole' })
    expect(await response.json()).toEqual({ method: 'POST', path: '/REST/2.0/ticket', body: 'late but whole' })
  })

  it('refuses targets beyond loopback', async () => {
    await expect(createFaultProxy({ target: 'http://192.0.2.1:80' })).rejects.toThrow(/loopback/)
  })
})
