import type { TransportLogger } from '@ticketbridge/http'
import { type ConformanceHarness, createFaultProxy, describeTicketingAdapter } from '@ticketbridge/testkit'
import { describe } from 'vitest'
import { createRtAdapter } from './adapter/rt-adapter'
import { RtClient } from './client/rt-client'

const environment = process.env

/** Log lines of every adapter the harness built, as they would be written; checked for secrets. */
function captureLogs(): { logger: TransportLogger; lines: string[] } {
  const lines: string[] = []
  const write = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    lines.push(JSON.stringify({ level, message, ...fields }))
  }
  return { logger: { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') }, lines }
}

/**
 * The shared conformance suite against the real RT 5 that CI starts (`shared/rt/start-rt`),
 * through a fault proxy so rate limits, outages, resets, slow answers and HTML pages are played
 * in front of the real server. Skipped only when RT_URL is unset.
 */
describe.skipIf(!environment.RT_URL)('RT adapter (REST2) against the real RT', () => {
  describeTicketingAdapter(
    'rt (REST2, real RT 5)',
    async (): Promise<ConformanceHarness> => {
      const rtUrl = environment.RT_URL!
      const proxy = await createFaultProxy({ target: rtUrl })
      const { logger, lines } = captureLogs()
      // Small delays keep the fault cases quick; RT itself is not rate limited.
      const common = { retry: { maxRetries: 3, baseDelayMs: 20, maxDelayMs: 400 }, logger, logLevel: 'debug' as const, timeoutMs: 120_000 }
      return {
        // Basic authentication on REST2 through the proxy; tokens are covered by the client tests and the bad-credentials adapter.
        createAdapter: () => createRtAdapter({ baseUrl: proxy.url, auth: { username: environment.RT_USER!, password: environment.RT_PASSWORD! }, ...common }),
        createAdapterWithBadCredentials: () => createRtAdapter({ baseUrl: rtUrl, auth: { token: '1-14-0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f' }, ...common }),
        // The guest user is privileged but has no rights: basic authentication, refused writes.
        createAdapterWithoutPermission: () => createRtAdapter({ baseUrl: rtUrl, auth: { username: environment.RT_GUEST_USER!, password: environment.RT_GUEST_PASSWORD! }, ...common }),
        faults: proxy.faults,
        secrets: [environment.RT_PASSWORD!, environment.RT_TOKEN!, environment.RT_GUEST_PASSWORD!],
        // A stale ETag: RT answers 412, the adapter ConflictError.
        provokeConflict: (adapter, ticketId) => adapter.tickets.update(ticketId, { subject: 'stale write', vendorOptions: { rt: { ifMatch: '"1"' } } }),
        logLines: () => lines,
        // One bulk request per 50 tickets (POST /tickets/bulk) instead of one request each.
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
    { caseTimeoutMs: 300_000 },
  )
})
