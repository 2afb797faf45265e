import { AbortError, InvalidResponseError, NetworkError, RateLimitError, ServerError, TimeoutError } from '@ticketbridge/core'
import { expect } from 'vitest'
import { expectRejection } from '../catch-error'
import type { ConformanceContext, ConformanceOptions, ConformanceFaults } from '../conformance-harness'
import { conformanceCase, type SkipCase } from './conformance-case'

/** Enough failures to outlast any sensible retry policy. */
const persistent = 50

async function withFaults(context: ConformanceContext, skip: SkipCase, body: (faults: ConformanceFaults) => Promise<void>): Promise<void> {
  const faults = context.harness.faults
  if (!faults) return skip('the harness cannot inject faults')
  faults.clear()
  try {
    await body(faults)
  } finally {
    faults.clear()
  }
}

export function defineTransportCases(context: ConformanceContext, options: ConformanceOptions): void {
  conformanceCase(context, options, 'honours Retry-After on 429 and then succeeds', async (current, skip) => {
    await withFaults(current, skip, async (faults) => {
      faults.inject({ kind: 'status', status: 429, retryAfterSeconds: 0.4, count: 1 })
      const started = performance.now()
      const statuses = await current.adapter.lookups.statuses()
      // A lower bound only: the retry waited at least what the server asked.
      expect(performance.now() - started).toBeGreaterThanOrEqual(350)
      expect(statuses.length).toBeGreaterThan(0)
    })
  })

  conformanceCase(context, options, 'surfaces a lasting rate limit as RateLimitError with the delay', async (current, skip) => {
    await withFaults(current, skip, async (faults) => {
      faults.inject({ kind: 'status', status: 429, retryAfterSeconds: 0.05, count: persistent })
      const error = await expectRejection(current, () => current.adapter.lookups.statuses(), RateLimitError)
      expect(error.status).toBe(429)
      expect(error.retryAfterMs).toBe(50)
    })
  })

  conformanceCase(context, options, 'retries a read through a passing outage', async (current, skip) => {
    await withFaults(current, skip, async (faults) => {
      faults.inject({ kind: 'status', status: 503, retryAfterSeconds: 0, count: 1 })
      faults.inject({ kind: 'reset', count: 1 })
      expect((await current.adapter.lookups.priorities()).length).toBeGreaterThan(0)
    })
  })

  conformanceCase(context, options, 'surfaces a lasting outage as ServerError', async (current, skip) => {
    await withFaults(current, skip, async (faults) => {
      faults.inject({ kind: 'status', status: 503, retryAfterSeconds: 0, count: persistent })
      const error = await expectRejection(current, () => current.adapter.lookups.statuses(), ServerError)
      expect(error.status).toBe(503)
      expect(error.retryable).toBe(true)
    })
  })

  conformanceCase(context, options, 'never retries a create blindly after a server error', async (current, skip) => {
    if (!current.adapter.capabilities.tickets.create) return skip('tickets.create is not supported')
    await withFaults(current, skip, async (faults) => {
      faults.inject({ kind: 'status', status: 500, count: 1 })
      const subject = `${current.runTag} not retried`
      await expectRejection(current, () => current.adapter.tickets.create({ subject, description: { text: 'x' } }), ServerError)
      faults.clear()
      const created = await current.adapter.tickets.list({ text: subject }).toArray({ limit: 10 })
      expect(created).toEqual([])
    })
  })

  conformanceCase(context, options, 'surfaces dropped connections as NetworkError', async (current, skip) => {
    await withFaults(current, skip, async (faults) => {
      faults.inject({ kind: 'reset', count: persistent })
      await expectRejection(current, () => current.adapter.lookups.statuses(), NetworkError)
    })
  })

  conformanceCase(context, options, 'surfaces HTML where data was due as InvalidResponseError', async (current, skip) => {
    await withFaults(current, skip, async (faults) => {
      faults.inject({ kind: 'html', count: persistent })
      await expectRejection(current, () => current.adapter.lookups.statuses(), InvalidResponseError)
    })
  })

  conformanceCase(context, options, 'gives up after timeoutMs with TimeoutError', async (current, skip) => {
    await withFaults(current, skip, async (faults) => {
      faults.inject({ kind: 'delay', ms: 3000, count: persistent })
      const error = await expectRejection(current, () => current.adapter.lookups.statuses({ timeoutMs: 150 }), TimeoutError)
      expect(error.timeoutMs).toBe(150)
    })
  })

  conformanceCase(context, options, 'stops at once on abort with AbortError', async (current, skip) => {
    const early = new AbortController()
    early.abort()
    await expectRejection(current, () => current.adapter.tickets.get('1', { signal: early.signal }), AbortError)
    await withFaults(current, skip, async (faults) => {
      faults.inject({ kind: 'delay', ms: 3000, count: persistent })
      const controller = new AbortController()
      setTimeout(() => controller.abort(), 50)
      await expectRejection(current, () => current.adapter.lookups.statuses({ signal: controller.signal }), AbortError)
    })
  })
}
