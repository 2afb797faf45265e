import type { ConnectorAdapterOptions, ConnectorSetting } from '@ticketbridge/http'
import type { HaloAdapterSettings } from '../adapter/halo-adapter-settings'
import { haloEnvironmentVariables, haloSettingsFromText } from '../client/halo-environment-settings'

export { haloBudgetWindowMs } from '../client/halo-environment-settings'

/** What a Halo connection needs, where each comes from, and which are secrets: the client's own list. */
export const haloConnectorSettings: Record<string, ConnectorSetting> = haloEnvironmentVariables

/** The instance the settings point at, from non-secret settings only: its address, and the tenant where one is named. */
export function haloInstanceOf(settings: Record<string, string>): string {
  const address = settings.resourceUrl ?? settings.baseUrl ?? settings.instance ?? ''
  return [address.toLowerCase().replace(/\/+$/, ''), settings.tenant ? `tenant ${settings.tenant}` : ''].filter(Boolean).join(' ')
}

/**
 * The adapter's settings from the connector's (strings, as the CLI reads them), with the caller's
 * tuning. The CLI has read the environment already (its own, or the one a test gave it), so the
 * adapter reads none.
 */
export function haloAdapterSettingsFrom(settings: Record<string, string>, options: ConnectorAdapterOptions = {}): HaloAdapterSettings {
  return {
    ...haloSettingsFromText(settings),
    environment: {},
    ...(options.onRateLimit ? { onRateLimit: options.onRateLimit } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.axiosInstance ? { axiosInstance: options.axiosInstance } : {}),
    ...(options.retry ? { retry: options.retry } : {}),
  }
}
