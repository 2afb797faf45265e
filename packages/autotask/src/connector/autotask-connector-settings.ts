import type { ConnectorAdapterOptions, ConnectorSetting } from '@ticketbridge/http'
import type { AutotaskAdapterSettings } from '../adapter/autotask-adapter-settings'
import { autotaskEnvironmentVariables, autotaskSettingsFromText } from '../client/autotask-environment-settings'

/** What the CLI reads to connect to Autotask, and from which environment variables: the client's own list. */
export const autotaskConnectorSettings: Record<string, ConnectorSetting> = autotaskEnvironmentVariables

/**
 * The adapter settings of the CLI's string settings and a caller's options; numbers are checked by
 * the adapter. The CLI has read the environment already (its own, or the one a test gave it), so
 * the adapter reads none.
 */
export function autotaskAdapterSettingsOf(settings: Record<string, string>, options: ConnectorAdapterOptions = {}): AutotaskAdapterSettings {
  return {
    ...autotaskSettingsFromText(settings),
    environment: {},
    ...(options.onRateLimit ? { onRateLimit: options.onRateLimit } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.axiosInstance ? { axiosInstance: options.axiosInstance } : {}),
    ...(options.retry ? { retry: options.retry } : {}),
  }
}
