import { captureLogs, describeTicketingAdapter } from '@ticketbridge/testkit'
import axios, { type AxiosInstance } from 'axios'
import { expect, it } from 'vitest'
import { createHaloAdapter } from './adapter/halo-adapter'
import type { HaloAdapterSettings } from './adapter/halo-adapter-settings'
import { createHaloSimulator } from './simulator/index'

/** An axios instance that remembers every bearer token it sends, so the suite can look for them. */
function recordingAxios(tokens: string[]): AxiosInstance {
  const instance = axios.create()
  instance.interceptors.request.use((config) => {
    const authorization = config.headers?.Authorization ?? config.headers?.authorization
    const token = typeof authorization === 'string' ? /^Bearer\s+(.+)$/.exec(authorization)?.[1] : undefined
    if (token && !tokens.includes(token)) tokens.push(token)
    return config
  })
  return instance
}

describeTicketingAdapter(
  'halo (simulator)',
  async () => {
    // The conformance suite sends far more than Halo's 300 requests per 5 minutes: both the
    // simulator's and the client's budgets are lifted here (budget tests live beside the client).
    const simulator = createHaloSimulator({ rateLimit: false })
    const server = await simulator.serve({ record: false })
    const { credentials } = simulator
    const secrets = [credentials.clientSecret, credentials.readOnlyClientSecret, credentials.password]
    const { logger, lines: logLines } = captureLogs()
    // Halo puts every end user on a site: new contacts without an organization go to the first one.
    const defaultSiteId = Number(simulator.state.sites.all().find((site) => site.inactive !== true)?.id)
    const base: HaloAdapterSettings = {
      defaultSiteId,
      resourceUrl: server.resourceUrl,
      authUrl: server.authUrl,
      ...(credentials.tenant !== undefined ? { tenant: credentials.tenant } : {}),
      axiosInstance: recordingAxios(secrets),
      retry: { maxRetries: 4, baseDelayMs: 20, maxDelayMs: 500, rateLimitDelayMs: { min: 50, max: 100 } },
      rateLimit: { requests: 1_000_000, readConcurrency: 8, writeConcurrency: 4 },
      logger,
      logLevel: 'debug',
    }
    return {
      createAdapter: () => createHaloAdapter({ ...base, clientId: credentials.clientId, clientSecret: credentials.clientSecret }),
      createAdapterWithBadCredentials: () =>
        createHaloAdapter({ ...base, clientId: credentials.clientId, clientSecret: `${credentials.clientSecret.slice(0, -4)}0000` }),
      createAdapterWithoutPermission: () =>
        createHaloAdapter({ ...base, clientId: credentials.readOnlyClientId, clientSecret: credentials.readOnlyClientSecret }),
      faults: simulator.faults,
      secrets,
      logLines: () => logLines,
      seedTickets: (count, marker) => simulator.seedTickets(count, marker),
      dispose: () => server.close(),
      simulator,
    }
  },
  {
    extra(context) {
      it('sends only requests the Halo spec declares', () => {
        const { simulator } = context.harness as unknown as { simulator: ReturnType<typeof createHaloSimulator> }
        expect(simulator.specViolations).toEqual([])
      })
    },
  },
)
