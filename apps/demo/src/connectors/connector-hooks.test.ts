import { AbortError } from '@ticketbridge/core'
import type { TransportRateLimitEvent } from '@ticketbridge/http'
import { describe, expect, it } from 'vitest'
import { findConnector } from './connectors'

const haloConnector = findConnector('halo')

describe('connector hooks', () => {
  it('tell the CLI when a call waits for the vendor rate limit', async () => {
    const simulator = await haloConnector.startSimulator({})
    const events: TransportRateLimitEvent[] = []
    const controller = new AbortController()
    // A budget of 2 requests per 5 minutes: the third waits, and the hook hears of it at once.
    const adapter = haloConnector.createAdapter(
      { ...simulator.settings, requestsPerFiveMinutes: '2' },
      {
        onRateLimit: (event) => {
          events.push(event)
          controller.abort()
        },
      },
    )
    try {
      const calls = [
        adapter.lookups.statuses({ signal: controller.signal }),
        adapter.lookups.priorities({ signal: controller.signal }),
        adapter.lookups.queues({ signal: controller.signal }),
      ]
      const settled = await Promise.allSettled(calls)
      expect(settled.some((result) => result.status === 'rejected' && AbortError.isInstance(result.reason))).toBe(true)
      expect(events[0]).toMatchObject({ vendor: 'halo', source: 'limiter', reason: 'budget' })
      expect(events[0]!.waitMs).toBeGreaterThan(60_000)
    } finally {
      await adapter.close()
      await simulator.close()
    }
  })
})
