import { createHaloAdapter } from '@ticketbridge/halo'
import { createHaloSimulator } from '@ticketbridge/halo/simulator'
import type { VendorConnector } from './vendor-connector'

/** Rate limit of simulators the CLI starts: high, so the demo runs in seconds (the bench measures the real one). */
const simulatorRequestsPerWindow = 1_000_000

export const haloConnector: VendorConnector = {
  vendor: 'halo',
  title: 'Halo',
  settings: {
    resourceUrl: { environment: 'HALO_RESOURCE_URL', secret: false, description: 'the resource server, ending in /api' },
    authUrl: { environment: 'HALO_AUTH_URL', secret: false, description: 'the authorisation server (token URL without /token)' },
    tenant: { environment: 'HALO_TENANT', secret: false, description: 'tenant name of a hosted instance' },
    instance: { environment: 'HALO_INSTANCE', secret: false, description: 'hosted instance name (acme) or host (acme.haloitsm.com)' },
    baseUrl: { environment: 'HALO_BASE_URL', secret: false, description: 'on-premises address' },
    clientId: { environment: 'HALO_CLIENT_ID', secret: false, required: true, description: 'API application client id' },
    clientSecret: { environment: 'HALO_CLIENT_SECRET', secret: true, description: 'API application client secret' },
    username: { environment: 'HALO_USERNAME', secret: false, description: 'user name for the password grant' },
    password: { environment: 'HALO_PASSWORD', secret: true, description: 'password for the password grant' },
    scopes: { environment: 'HALO_SCOPES', secret: false, description: 'scopes, space-separated (default all)' },
    defaultSiteId: { environment: 'HALO_DEFAULT_SITE_ID', secret: false, description: 'site for new contacts without an organization' },
    requestsPerFiveMinutes: { environment: 'HALO_REQUESTS_PER_5_MINUTES', secret: false, description: 'rate-limit budget (default 300)' },
  },
  instanceOf(settings) {
    const address = settings.resourceUrl ?? settings.baseUrl ?? settings.instance ?? ''
    return [address.toLowerCase().replace(/\/+$/, ''), settings.tenant ? `tenant ${settings.tenant}` : ''].filter(Boolean).join(' ')
  },
  createAdapter(settings, hooks) {
    return createHaloAdapter({
      ...(settings.resourceUrl ? { resourceUrl: settings.resourceUrl } : {}),
      ...(settings.authUrl ? { authUrl: settings.authUrl } : {}),
      ...(settings.tenant ? { tenant: settings.tenant } : {}),
      ...(settings.instance ? { instance: settings.instance } : {}),
      ...(settings.baseUrl ? { baseUrl: settings.baseUrl } : {}),
      ...(settings.clientId ? { clientId: settings.clientId } : {}),
      ...(settings.clientSecret ? { clientSecret: settings.clientSecret } : {}),
      ...(settings.username ? { username: settings.username } : {}),
      ...(settings.password ? { password: settings.password } : {}),
      ...(settings.scopes ? { scopes: settings.scopes } : {}),
      ...(settings.defaultSiteId ? { defaultSiteId: Number(settings.defaultSiteId) } : {}),
      ...(settings.requestsPerFiveMinutes ? { rateLimit: { requests: Number(settings.requestsPerFiveMinutes), windowMs: 300_000 } } : {}),
      ...(hooks?.onRateLimit ? { onRateLimit: hooks.onRateLimit } : {}),
      ...(hooks?.timeoutMs ? { timeoutMs: hooks.timeoutMs } : {}),
    })
  },
  async startSimulator(options) {
    const simulator = createHaloSimulator({ seed: options.seedTickets ?? 0, rateLimit: { limit: simulatorRequestsPerWindow, windowMs: 300_000 } })
    const served = await simulator.serve({ ...(options.port ? { port: options.port } : {}), record: false })
    const site = simulator.state.sites.all().find((row) => row.inactive !== true)
    return {
      url: served.url,
      settings: {
        resourceUrl: served.resourceUrl,
        authUrl: served.authUrl,
        ...(simulator.credentials.tenant ? { tenant: simulator.credentials.tenant } : {}),
        clientId: simulator.credentials.clientId,
        clientSecret: simulator.credentials.clientSecret,
        ...(site ? { defaultSiteId: String(site.id) } : {}),
        requestsPerFiveMinutes: String(simulatorRequestsPerWindow),
      },
      close: () => served.close(),
    }
  },
}
