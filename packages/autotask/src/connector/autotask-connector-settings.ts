import type { ConnectorAdapterOptions, ConnectorSetting } from '@ticketbridge/http'
import type { AutotaskAdapterSettings } from '../adapter/autotask-adapter-settings'

/** What the CLI reads to connect to Autotask, and from which environment variables. */
export const autotaskConnectorSettings: Record<string, ConnectorSetting> = {
  username: { environment: 'AUTOTASK_USERNAME', secret: false, required: true, description: 'API user name' },
  secret: { environment: 'AUTOTASK_SECRET', secret: true, required: true, description: 'API user secret' },
  integrationCode: {
    environment: 'AUTOTASK_INTEGRATION_CODE',
    secret: true,
    required: true,
    description: 'API tracking identifier (integration code)',
  },
  impersonationResourceId: { environment: 'AUTOTASK_IMPERSONATION_RESOURCE_ID', secret: false, description: 'resource to act as' },
  zoneUrl: { environment: 'AUTOTASK_ZONE_URL', secret: false, description: 'the zone REST base; discovered when absent' },
  zoneDiscoveryUrl: { environment: 'AUTOTASK_ZONE_DISCOVERY_URL', secret: false, description: 'where zones are discovered (tests and simulators)' },
  defaultCompanyId: { environment: 'AUTOTASK_DEFAULT_COMPANY_ID', secret: false, description: 'company of tickets that name none (default 0)' },
  organizationPhone: {
    environment: 'AUTOTASK_ORGANIZATION_PHONE',
    secret: false,
    description: 'phone written on companies the migration creates (Autotask requires one)',
  },
  hourlyRequestLimit: { environment: 'AUTOTASK_HOURLY_REQUEST_LIMIT', secret: false, description: 'the database budget (default 10,000)' },
  hourlyWindowMs: {
    environment: 'AUTOTASK_HOURLY_WINDOW_MS',
    secret: false,
    description: "the length of that budget's window (default an hour; shorter only for a simulator on a fast clock)",
  },
  timeEntryResourceId: {
    environment: 'AUTOTASK_TIME_ENTRY_RESOURCE_ID',
    secret: false,
    description: 'resource that logs time entries naming no person (default: the impersonated resource)',
  },
}

/** The adapter settings of the CLI's string settings and a caller's options; numbers are checked by the adapter. */
export function autotaskAdapterSettingsOf(settings: Record<string, string>, options: ConnectorAdapterOptions = {}): AutotaskAdapterSettings {
  return {
    username: settings.username ?? '',
    secret: settings.secret ?? '',
    integrationCode: settings.integrationCode ?? '',
    ...(settings.impersonationResourceId ? { impersonationResourceId: Number(settings.impersonationResourceId) } : {}),
    ...(settings.zoneUrl ? { zoneUrl: settings.zoneUrl } : {}),
    ...(settings.zoneDiscoveryUrl ? { zoneDiscoveryUrl: settings.zoneDiscoveryUrl } : {}),
    ...(settings.defaultCompanyId ? { defaultCompanyId: Number(settings.defaultCompanyId) } : {}),
    ...(settings.organizationPhone ? { organizationDefaults: { phone: settings.organizationPhone } } : {}),
    ...(settings.hourlyRequestLimit ? { hourlyRequestLimit: Number(settings.hourlyRequestLimit) } : {}),
    ...(settings.hourlyWindowMs ? { hourlyWindowMs: Number(settings.hourlyWindowMs) } : {}),
    ...(settings.timeEntryResourceId ? { timeEntryResourceId: Number(settings.timeEntryResourceId) } : {}),
    ...(options.onRateLimit ? { onRateLimit: options.onRateLimit } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.axiosInstance ? { axiosInstance: options.axiosInstance } : {}),
    ...(options.retry ? { retry: options.retry } : {}),
  }
}
