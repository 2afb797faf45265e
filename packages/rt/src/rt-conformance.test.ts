/**
 * The shared conformance suite for both of RT's APIs (REST2, and REST 1.0 with `api: 'rest1'`),
 * on two servers: the simulator served on 127.0.0.1 (its own fault knob), and the real RT 5 that
 * CI starts (`shared/rt/start-rt`) behind a fault proxy, so rate limits, outages, resets, slow
 * answers and HTML pages are played in front of the real server; skipped when RT_URL is unset.
 *
 * The main adapter logs in with a password where the server allows it (a session cookie through
 * REST 1.0, basic authentication through REST2); REST 1.0 has no ETags, so the conflict case
 * has no way to be provoked there.
 */
import { randomBytes } from 'node:crypto'
import { captureLogs, type ConformanceHarness, createFaultProxy, describeTicketingAdapter } from '@ticketbridge/testkit'
import { describe } from 'vitest'
import { createRtAdapter } from './adapter/rt-adapter'
import { RtClient } from './client/rt-client'
import { createRtSimulator } from './simulator/index'

const environment = process.env
const refusedToken = `1-14-${'0f'.repeat(16)}`

type Api = 'rest2' | 'rest1'

/** A stale ETag: RT answers 412, the adapter a ConflictError. REST 1.0 has no ETags. */
function conflictOf(api: Api): Pick<ConformanceHarness, 'provokeConflict'> {
  if (api === 'rest1') return {}
  return {
    provokeConflict: (adapter, ticketId) => adapter.tickets.update(ticketId, { subject: 'stale write', vendorOptions: { rt: { ifMatch: '"1"' } } }),
  }
}

async function simulatorHarness(api: Api): Promise<ConformanceHarness> {
  // Passwords that cannot occur in ordinary text (start-rt's `password` would, in any error hint).
  const simulator = createRtSimulator({
    credentials: { password: `root-${randomBytes(9).toString('hex')}`, guestPassword: `guest-${randomBytes(9).toString('hex')}` },
  })
  const server = await simulator.serve()
  const { credentials } = simulator
  const { logger, lines } = captureLogs()
  const common = { api, retry: { maxRetries: 3, baseDelayMs: 10, maxDelayMs: 200 }, logger, logLevel: 'debug' as const }
  return {
    createAdapter: () => createRtAdapter({ baseUrl: server.url, auth: { token: credentials.token }, ...common }),
    createAdapterWithBadCredentials: () => createRtAdapter({ baseUrl: server.url, auth: { token: refusedToken }, ...common }),
    // start-rt's guest: a privileged user without rights.
    createAdapterWithoutPermission: () =>
      createRtAdapter({ baseUrl: server.url, auth: { username: credentials.guestUser, password: credentials.guestPassword }, ...common }),
    faults: simulator.faults,
    secrets: [credentials.password, credentials.token, credentials.guestPassword, refusedToken],
    ...conflictOf(api),
    logLines: () => lines,
    seedTickets: (count, marker) => simulator.seedTickets(count, marker),
    dispose: () => server.close(),
  }
}

async function realRtHarness(api: Api): Promise<ConformanceHarness> {
  const rtUrl = environment.RT_URL!
  const proxy = await createFaultProxy({ target: rtUrl })
  const { logger, lines } = captureLogs()
  // Small delays keep the fault cases quick; RT itself is not rate limited.
  const common = { api, retry: { maxRetries: 3, baseDelayMs: 20, maxDelayMs: 400 }, logger, logLevel: 'debug' as const, timeoutMs: 120_000 }
  return {
    // Password authentication through the proxy; tokens are covered by the client tests and the bad-credentials adapter.
    createAdapter: () =>
      createRtAdapter({ baseUrl: proxy.url, auth: { username: environment.RT_USER!, password: environment.RT_PASSWORD! }, ...common }),
    createAdapterWithBadCredentials: () => createRtAdapter({ baseUrl: rtUrl, auth: { token: refusedToken }, ...common }),
    // The guest user is privileged but has no rights: password authentication, refused writes.
    createAdapterWithoutPermission: () =>
      createRtAdapter({ baseUrl: rtUrl, auth: { username: environment.RT_GUEST_USER!, password: environment.RT_GUEST_PASSWORD! }, ...common }),
    faults: proxy.faults,
    secrets: [environment.RT_PASSWORD!, environment.RT_TOKEN!, environment.RT_GUEST_PASSWORD!],
    ...conflictOf(api),
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
        const failed = (await client.rest2.createTickets(inputs)).find((result) => 'error' in result)
        if (failed) throw new Error(`RT refused a seeded ticket: ${JSON.stringify(failed)}`)
      }
    },
    dispose: () => proxy.close(),
  }
}

const apis: { api: Api; title: string }[] = [
  { api: 'rest2', title: 'REST2' },
  { api: 'rest1', title: 'REST 1.0' },
]

for (const { api, title } of apis) {
  describe(`RT adapter (${title})`, () => {
    describe('on the simulator', () => {
      describeTicketingAdapter(`rt (${title}, simulator)`, () => simulatorHarness(api))
    })
    describe.skipIf(!environment.RT_URL)('on the real RT', () => {
      describeTicketingAdapter(`rt (${title}, real RT 5)`, () => realRtHarness(api), { caseTimeoutMs: 600_000 })
    })
  })
}
