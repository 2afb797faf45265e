import type { RunningSimulator } from '@ticketbridge/http'
import { createFaultProxy } from '@ticketbridge/testkit/servers'
import { afterEach, describe, expect, it } from 'vitest'
import type { AutotaskSimulator } from '../simulator/autotask-simulator'
import { autotaskConnector } from './autotask-connector'

const fast = { retry: { maxRetries: 3, baseDelayMs: 10, maxDelayMs: 200 } }
const running: RunningSimulator<AutotaskSimulator>[] = []
const start = async (options: Parameters<typeof autotaskConnector.startSimulator>[0]) => {
  const simulator = await autotaskConnector.startSimulator(options)
  running.push(simulator)
  return simulator
}
afterEach(async () => {
  for (const simulator of running.splice(0)) await simulator.close()
})

describe('the Autotask connector', () => {
  it('starts a seeded simulator, connects to it and counts the requests', async () => {
    const simulator = await start({ seedTickets: 3, record: true })
    const adapter = simulator.connect(fast)
    const before = simulator.requestCount()
    expect(await adapter.tickets.list().toArray({ limit: 10 })).toHaveLength(3)
    // The request log records as requests arrive; give it a moment.
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(simulator.requestCount()).toBeGreaterThan(before)
    await adapter.close()
  })

  it('sends the API calls through a proxy when asked', async () => {
    const simulator = await start({ seedTickets: 1 })
    const proxy = await createFaultProxy({ target: simulator.url })
    const adapter = simulator.connect({ ...fast, throughProxy: (url) => url.replace(new URL(url).origin, proxy.url) })
    expect(await adapter.tickets.list().toArray({ limit: 10 })).toHaveLength(1)
    expect(proxy.requests.some((request) => request.path.includes('/Tickets/query'))).toBe(true)
    await adapter.close()
    await proxy.close()
  })

  it('marks exactly the credentials secret', () => {
    const secrets = Object.entries(autotaskConnector.settings)
      .filter(([, setting]) => setting.secret)
      .map(([name]) => name)
    expect(secrets.sort()).toEqual(['integrationCode', 'secret'])
  })

  it('builds an adapter that reaches the simulator from its settings alone', async () => {
    const simulator = await start({ seedTickets: 2 })
    const adapter = autotaskConnector.createAdapter(simulator.settings, fast)
    expect((await adapter.tickets.list().toArray({ limit: 10 })).map((ticket) => ticket.vendor)).toEqual(['autotask', 'autotask'])
    expect(autotaskConnector.instanceOf(simulator.settings)).toBe(simulator.simulator.credentials.username.toLowerCase())
    await adapter.close()
  })

  it('keeps adapters to the budget the simulator enforces', async () => {
    const simulator = await start({ budget: { requests: 120, windowMs: 60_000 } })
    const adapter = simulator.connect(fast)
    expect(adapter.rateLimit).toEqual({ requests: 120, windowMs: 60_000, source: autotaskConnector.rateLimit!.source })
    expect(simulator.simulator.thresholdInformation().externalRequestThreshold).toBe(120)
    await adapter.close()
  })

  it('counts zone discovery as exempt and the directory as a fixed cost', () => {
    expect(autotaskConnector.requestCost('https://x.example/ATServicesRest/V1.0/ZoneInformation?user=a')).toEqual({
      rateLimited: false,
      fixedCost: true,
    })
    expect(autotaskConnector.requestCost('https://x.example/ATServicesRest/V1.0/Companies/query')).toEqual({ rateLimited: true, fixedCost: true })
    expect(autotaskConnector.requestCost('https://x.example/ATServicesRest/V1.0/Tickets/query')).toEqual({ rateLimited: true, fixedCost: false })
    expect(autotaskConnector.rateLimit).toMatchObject({ requests: 10_000, windowMs: 3_600_000 })
  })
})
