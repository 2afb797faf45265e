import type { ConnectorAdapterOptions, ConnectorSetting } from '@ticketbridge/http'
import type { HaloAdapterSettings } from '../adapter/halo-adapter-settings'

/** Halo's budget is set per 5 minutes, the window hosted Halo counts in (halo.md §6). */
export const haloBudgetWindowMs = 300_000

/** What a Halo connection needs, where each comes from, and which are secrets. */
export const haloConnectorSettings: Record<string, ConnectorSetting> = {
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
}

/** The instance the settings point at, from non-secret settings only: its address, and the tenant where one is named. */
export function haloInstanceOf(settings: Record<string, string>): string {
  const address = settings.resourceUrl ?? settings.baseUrl ?? settings.instance ?? ''
  return [address.toLowerCase().replace(/\/+$/, ''), settings.tenant ? `tenant ${settings.tenant}` : ''].filter(Boolean).join(' ')
}

/** The adapter's settings from the connector's (strings, as the CLI reads them), with the caller's tuning. */
export function haloAdapterSettingsFrom(settings: Record<string, string>, options: ConnectorAdapterOptions = {}): HaloAdapterSettings {
  return {
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
    ...(settings.requestsPerFiveMinutes ? { rateLimit: { requests: Number(settings.requestsPerFiveMinutes), windowMs: haloBudgetWindowMs } } : {}),
    ...(options.onRateLimit ? { onRateLimit: options.onRateLimit } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.axiosInstance ? { axiosInstance: options.axiosInstance } : {}),
    ...(options.retry ? { retry: options.retry } : {}),
  }
}
