import { ConfigurationError } from '@ticketbridge/core'
import { type ConnectorSetting, namingEnvironmentVariable, textsFromEnvironment, withEnvironmentSettings } from '@ticketbridge/http'

/**
 * Autotask's settings the environment gives, the variable of each, and which are secrets. The one
 * list: `new AutotaskClient()`, `createAutotaskAdapter()` and the CLI (through the connector) read it.
 */
export const autotaskEnvironmentVariables = {
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
} satisfies Record<string, ConnectorSetting>

type AutotaskVariableName = keyof typeof autotaskEnvironmentVariables

/** What the variables give, typed as the client and the adapter take it. */
export interface AutotaskEnvironmentSettings {
  username?: string
  secret?: string
  integrationCode?: string
  impersonationResourceId?: number
  zoneUrl?: string
  zoneDiscoveryUrl?: string
  hourlyRequestLimit?: number
  hourlyWindowMs?: number
  defaultCompanyId?: number
  organizationDefaults?: { phone: string }
  timeEntryResourceId?: number
}

type AutotaskEnvironmentSettingName = keyof AutotaskEnvironmentSettings

/** The settings the client reads from the environment. */
export const autotaskClientEnvironmentNames: readonly AutotaskEnvironmentSettingName[] = [
  'username',
  'secret',
  'integrationCode',
  'impersonationResourceId',
  'zoneUrl',
  'zoneDiscoveryUrl',
  'hourlyRequestLimit',
  'hourlyWindowMs',
]

/** The settings only the adapter reads from the environment. */
export const autotaskAdapterEnvironmentNames: readonly AutotaskEnvironmentSettingName[] = [
  'defaultCompanyId',
  'organizationDefaults',
  'timeEntryResourceId',
]

/** The variable behind each typed setting (the phone is one variable for `organizationDefaults`). */
function variableOf(name: AutotaskEnvironmentSettingName): string {
  return autotaskEnvironmentVariables[name === 'organizationDefaults' ? 'organizationPhone' : name].environment
}

/** Settings as texts keyed by setting name (as the CLI holds them), typed; numbers are checked by the client and adapter. */
export function autotaskSettingsFromText(text: Readonly<Partial<Record<AutotaskVariableName, string>>>): AutotaskEnvironmentSettings {
  const typed: AutotaskEnvironmentSettings = {}
  for (const name of ['username', 'secret', 'integrationCode', 'zoneUrl', 'zoneDiscoveryUrl'] as const) if (text[name]) typed[name] = text[name]
  for (const name of ['impersonationResourceId', 'hourlyRequestLimit', 'hourlyWindowMs', 'defaultCompanyId', 'timeEntryResourceId'] as const) {
    if (text[name]) typed[name] = Number(text[name])
  }
  if (text.organizationPhone) typed.organizationDefaults = { phone: text.organizationPhone }
  return typed
}

/** The settings the environment gives; an empty variable counts as unset, as in the CLI. */
function autotaskSettingsFromEnvironment(environment: NodeJS.ProcessEnv): AutotaskEnvironmentSettings {
  return autotaskSettingsFromText(textsFromEnvironment(autotaskEnvironmentVariables, environment))
}

/**
 * Fills in what the settings leave out from the environment, limited to `names`, and says which
 * came from it. Given settings always win; a zone given (zoneUrl or zoneDiscoveryUrl) takes
 * neither zone variable, since both point at one place.
 */
export function withAutotaskEnvironment<Settings extends object>(
  settings: Settings,
  environment: NodeJS.ProcessEnv,
  names: readonly AutotaskEnvironmentSettingName[],
): { settings: Settings; fromEnvironment: AutotaskEnvironmentSettingName[] } {
  return withEnvironmentSettings(settings, environment, {
    vendor: 'autotask',
    vendorTitle: 'Autotask',
    names,
    read: autotaskSettingsFromEnvironment,
    skip: (given) => (given.zoneUrl !== undefined || given.zoneDiscoveryUrl !== undefined ? ['zoneUrl', 'zoneDiscoveryUrl'] : []),
  })
}

/**
 * The API user's credentials must be there, from the settings or the environment. Checked before
 * the schema: its messages would read `secret: …`, which redaction erases.
 */
export function checkAutotaskCredentials(settings: { username?: unknown; secret?: unknown; integrationCode?: unknown }): void {
  const missing = (['username', 'secret', 'integrationCode'] as const).filter((name) => settings[name] === undefined || settings[name] === '')
  if (missing.length === 0) return
  const variables = missing.map(variableOf)
  const list = (names: string[]) => (names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`)
  throw new ConfigurationError(`Invalid Autotask client settings (${missing[0]}): set ${list(variables)} or pass ${list([...missing])}.`, {
    vendor: 'autotask',
    option: missing[0]!,
  })
}

/** A ConfigurationError about a setting taken from the environment names its variable, never its value. */
export function namingAutotaskVariable(error: unknown, fromEnvironment: readonly AutotaskEnvironmentSettingName[]): unknown {
  return namingEnvironmentVariable(error, fromEnvironment, { vendor: 'autotask', variableOf })
}
