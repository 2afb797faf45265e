import { captureLogs, describeTicketingAdapter } from '@ticketbridge/testkit'
import { expect, it } from 'vitest'
import { createAutotaskAdapter } from './adapter/autotask-adapter'
import type { AutotaskAdapterSettings } from './adapter/autotask-adapter-settings'
import { createAutotaskSimulator } from './simulator'

const readOnlyUser = { username: 'readonly.api@ticketbridge.example', secret: 'Read-Only-Secret-4b8e1d', access: 'read-only' as const }
const wrongSecret = 'Not-The-Secret-0c7d2e'
/** A technician of the simulated tenant, who logs the time entries. */
const technicianResourceId = 29682833

const simulator = createAutotaskSimulator({ users: [readOnlyUser] })

describeTicketingAdapter(
  'autotask (simulator)',
  async () => {
    const served = await simulator.serve()
    const { username, secret, integrationCode } = simulator.credentials
    const { logger, lines: logLines } = captureLogs()
    const settings: AutotaskAdapterSettings = {
      username,
      secret,
      integrationCode,
      // Discovery on the simulator, which points the zone at itself.
      zoneDiscoveryUrl: served.zoneDiscoveryUrl,
      retry: { maxRetries: 3, baseDelayMs: 10, maxDelayMs: 200 },
      // A background resync would take a fault meant for the case's own request.
      thresholdResyncIntervalMs: 0,
      logger,
      logLevel: 'debug',
      // Autotask requires a phone number on every company.
      organizationDefaults: { phone: '555-0100' },
      timeEntryResourceId: technicianResourceId,
    }
    return {
      createAdapter: () => createAutotaskAdapter(settings),
      createAdapterWithBadCredentials: () => createAutotaskAdapter({ ...settings, secret: wrongSecret }),
      createAdapterWithoutPermission: () => createAutotaskAdapter({ ...settings, username: readOnlyUser.username, secret: readOnlyUser.secret }),
      // Autotask has no conditional update; the adapter checks lastActivityDate when asked to.
      provokeConflict: (adapter, ticketId) =>
        adapter.tickets.update(ticketId, { subject: 'stale write', vendorOptions: { autotask: { ifUnmodifiedSince: '2000-01-01T00:00:00Z' } } }),
      faults: simulator.faults,
      secrets: [secret, integrationCode, wrongSecret, readOnlyUser.secret],
      seedTickets: (count, marker) => simulator.seedTickets(count, marker),
      logLines: () => logLines,
      dispose: () => served.close(),
    }
  },
  {
    extra: () => {
      it('sends only requests the vendor spec knows (paths, methods, parameters, fields, operators)', () => {
        expect(simulator.specViolations).toEqual([])
      })
    },
  },
)
