import { createAutotaskAdapter } from '@ticketbridge/autotask'
import { createAutotaskSimulator } from '@ticketbridge/autotask/simulator'
import type { VendorConnector } from './vendor-connector'

/** Hourly limit of simulators the CLI starts: high, so the demo runs in seconds (the bench measures the real one). */
const simulatorHourlyLimit = 1_000_000

export const autotaskConnector: VendorConnector = {
  vendor: 'autotask',
  title: 'Autotask',
  settings: {
    username: { environment: 'AUTOTASK_USERNAME', secret: false, required: true, description: 'API user name' },
    secret: { environment: 'AUTOTASK_SECRET', secret: true, required: true, description: 'API user secret' },
    integrationCode: { environment: 'AUTOTASK_INTEGRATION_CODE', secret: true, required: true, description: 'API tracking identifier (integration code)' },
    impersonationResourceId: { environment: 'AUTOTASK_IMPERSONATION_RESOURCE_ID', secret: false, description: 'resource to act as' },
    zoneUrl: { environment: 'AUTOTASK_ZONE_URL', secret: false, description: 'the zone REST base; discovered when absent' },
    zoneDiscoveryUrl: { environment: 'AUTOTASK_ZONE_DISCOVERY_URL', secret: false, description: 'where zones are discovered (tests and simulators)' },
    defaultCompanyId: { environment: 'AUTOTASK_DEFAULT_COMPANY_ID', secret: false, description: 'company of tickets that name none (default 0)' },
    organizationPhone: { environment: 'AUTOTASK_ORGANIZATION_PHONE', secret: false, description: 'phone written on companies the migration creates (Autotask requires one)' },
    hourlyRequestLimit: { environment: 'AUTOTASK_HOURLY_REQUEST_LIMIT', secret: false, description: 'the database budget (default 10,000)' },
    timeEntryResourceId: { environment: 'AUTOTASK_TIME_ENTRY_RESOURCE_ID', secret: false, description: 'resource that logs time entries naming no person (default: the impersonated resource)' },
  },
  // An API user belongs to one database: its name says which.
  instanceOf: (settings) => (settings.username ?? '').toLowerCase(),
  createAdapter(settings, hooks) {
    return createAutotaskAdapter({
      username: settings.username ?? '',
      secret: settings.secret ?? '',
      integrationCode: settings.integrationCode ?? '',
      ...(settings.impersonationResourceId ? { impersonationResourceId: Number(settings.impersonationResourceId) } : {}),
      ...(settings.zoneUrl ? { zoneUrl: settings.zoneUrl } : {}),
      ...(settings.zoneDiscoveryUrl ? { zoneDiscoveryUrl: settings.zoneDiscoveryUrl } : {}),
      ...(settings.defaultCompanyId ? { defaultCompanyId: Number(settings.defaultCompanyId) } : {}),
      ...(settings.organizationPhone ? { organizationDefaults: { phone: settings.organizationPhone } } : {}),
      ...(settings.hourlyRequestLimit ? { hourlyRequestLimit: Number(settings.hourlyRequestLimit) } : {}),
      ...(settings.timeEntryResourceId ? { timeEntryResourceId: Number(settings.timeEntryResourceId) } : {}),
      ...(hooks?.onRateLimit ? { onRateLimit: hooks.onRateLimit } : {}),
      ...(hooks?.timeoutMs ? { timeoutMs: hooks.timeoutMs } : {}),
    })
  },
  async startSimulator(options) {
    const simulator = createAutotaskSimulator({ seed: options.seedTickets ?? 0, hourlyLimit: simulatorHourlyLimit })
    const served = await simulator.serve({ ...(options.port ? { port: options.port } : {}), record: false })
    return {
      url: served.url,
      settings: {
        username: simulator.credentials.username,
        secret: simulator.credentials.secret,
        integrationCode: simulator.credentials.integrationCode,
        zoneDiscoveryUrl: served.zoneDiscoveryUrl,
        hourlyRequestLimit: String(simulatorHourlyLimit),
        organizationPhone: '555-0100',
      },
      close: () => served.close(),
    }
  },
}
