import type { TransportLogger } from '@ticketbridge/http'
import { type ConformanceHarness, createFaultProxy, describeTicketingAdapter } from '@ticketbridge/testkit'
import { describe } from 'vitest'
import { createRtAdapter } from './adapter/rt-adapter'
import { RtClient } from './client/rt-client'

const environment = process.env

function captureLogs(): { logger: TransportLogger; lines: string[] } {
  const lines: string[] = []
  const write = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    lines.push(JSON.stringify({ level, message, ...fields }))
  }
  return { logger: { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') }, lines }
}

/**
 * The shared conformance suite with the adapter in REST 1.0 mode (`api: 'rest1'`), against the
 * real RT 5 through a fault proxy. The main adapter logs in with a password (session cookie);
 * REST 1.0 has no ETags, so the conflict case has no way to be provoked and is skipped.
 */
describe.skipIf(!environment.RT_URL)('RT adapter (REST 1.0) against the real RT', () => {
  describeTicketingAdapter(
    'rt (REST 1.0, real RT 5)',
    async (): Promise<ConformanceHarness> => {
      const rtUrl = environment.RT_URL!
      const proxy = await createFaultProxy({ target: rtUrl })
      const { logger, lines } = captureLogs()
      const common = { api: 'rest1' as const, retry: { maxRetries: 3, baseDelayMs: 20, maxDelayMs: 400 }, logger, logLevel: 'debug' as const, timeoutMs: 120_000 }
      return {
        createAdapter: () => createRtAdapter({ baseUrl: proxy.url, auth: { username: environment.RT_USER!, password: environment.RT_PASSWORD! }, ...common }),
        createAdapterWithBadCredentials: () => createRtAdapter({ baseUrl: rtUrl, auth: { token: '1-14-0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f' }, ...common }),
        createAdapterWithoutPermission: () => createRtAdapter({ baseUrl: rtUrl, auth: { username: environment.RT_GUEST_USER!, password: environment.RT_GUEST_PASSWORD! }, ...common }),
        faults: proxy.faults,
        secrets: [environment.RT_PASSWORD!, environment.RT_TOKEN!, environment.RT_GUEST_PASSWORD!],
        logLines: () => lines,
        seedTickets: async (count, marker) => {
          const client = new RtClient({ baseUrl: rtUrl, auth: { token: environment.RT_TOKEN! }, timeoutMs: 300_000 })
          for (let start = 0; start < count; start += 50) {
            const inputs = Array.from({ length: Math.min(50, count - start) }, (_, offset) => ({
              Queue: 'General',
              Subject: `${marker} ${start + offset + 1}`,
              Content: `Seeded by the conformance suite (${marker}).`,
            }))
            const results = await client.rest2.createTickets(inputs)
            const failed = results.find((result) => 'error' in result)
            if (failed) throw new Error(`RT refused a seeded ticket: ${JSON.stringify(failed)}`)
          }
        },
        dispose: () => proxy.close(),
      }
    },
    { caseTimeoutMs: 600_000 },
  )
})
