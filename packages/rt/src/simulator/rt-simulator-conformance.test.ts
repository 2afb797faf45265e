/**
 * The shared conformance suite: the RT adapter (REST2) against the simulator served on
 * 127.0.0.1, with the simulator's own fault knob, a refused token, and start-rt's guest (a
 * privileged user without rights) for permission errors.
 */
import { randomBytes } from 'node:crypto'
import type { TransportLogger } from '@ticketbridge/http'
import { type ConformanceHarness, describeTicketingAdapter } from '@ticketbridge/testkit'
import { createRtAdapter } from '../adapter/rt-adapter'
import { createRtSimulator } from './index'

/** Log lines of every adapter the harness built, as they would be written; checked for secrets. */
function captureLogs(): { logger: TransportLogger; lines: string[] } {
  const lines: string[] = []
  const write = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    lines.push(JSON.stringify({ level, message, ...fields }))
  }
  return { logger: { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') }, lines }
}

describeTicketingAdapter('rt (REST2, simulator)', async (): Promise<ConformanceHarness> => {
  // Passwords that cannot occur in ordinary text (start-rt's `password` would, in any error hint).
  const simulator = createRtSimulator({
    credentials: { password: `root-${randomBytes(9).toString('hex')}`, guestPassword: `guest-${randomBytes(9).toString('hex')}` },
  })
  const server = await simulator.serve()
  const { credentials } = simulator
  const { logger, lines } = captureLogs()
  const refusedToken = `1-14-${'0f'.repeat(16)}`
  const common = { retry: { maxRetries: 3, baseDelayMs: 10, maxDelayMs: 200 }, logger, logLevel: 'debug' as const }
  return {
    createAdapter: () => createRtAdapter({ baseUrl: server.url, auth: { token: credentials.token }, ...common }),
    createAdapterWithBadCredentials: () => createRtAdapter({ baseUrl: server.url, auth: { token: refusedToken }, ...common }),
    createAdapterWithoutPermission: () =>
      createRtAdapter({ baseUrl: server.url, auth: { username: credentials.guestUser, password: credentials.guestPassword }, ...common }),
    faults: simulator.faults,
    secrets: [credentials.password, credentials.token, credentials.guestPassword, refusedToken],
    // A stale ETag: RT answers 412, the adapter a ConflictError.
    provokeConflict: (adapter, ticketId) => adapter.tickets.update(ticketId, { subject: 'stale write', vendorOptions: { rt: { ifMatch: '"1"' } } }),
    logLines: () => lines,
    seedTickets: (count, marker) => simulator.seedTickets(count, marker),
    dispose: () => server.close(),
  }
})
