import {
  type ConnectorSetting,
  namingEnvironmentVariable,
  type SettingsWithEnvironment,
  textsFromEnvironment,
  withEnvironmentSettings,
} from '@ticketbridge/http'

/**
 * Halo's settings the environment gives, the variable of each, and which are secrets. The one
 * list: `new HaloClient()`, `createHaloAdapter()` and the CLI (through the connector) all read it.
 */
export const haloEnvironmentVariables = {
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
  rateLimitWindowSeconds: {
    environment: 'HALO_RATE_LIMIT_WINDOW_SECONDS',
    secret: false,
    description: 'the window the budget counts in, for an instance that counts in another (default 300: the budget is per 5 minutes)',
  },
} satisfies Record<string, ConnectorSetting>

type HaloVariableName = keyof typeof haloEnvironmentVariables

/** Halo's budget is set per 5 minutes, the window hosted Halo counts in (halo.md §6). */
export const haloBudgetWindowMs = 300_000

/** What the variables give, typed as the client and the adapter take it. */
export interface HaloEnvironmentSettings {
  resourceUrl?: string
  authUrl?: string
  tenant?: string
  instance?: string
  baseUrl?: string
  clientId?: string
  clientSecret?: string
  username?: string
  password?: string
  scopes?: string
  rateLimit?: { requests: number; windowMs: number }
  defaultSiteId?: number
}

type HaloEnvironmentSettingName = keyof HaloEnvironmentSettings

/** The variable behind each typed setting (the budget is one variable for `rateLimit`). */
function variableOf(name: HaloEnvironmentSettingName): string {
  return haloEnvironmentVariables[name === 'rateLimit' ? 'requestsPerFiveMinutes' : name].environment
}

/** Settings as texts keyed by setting name (as the CLI holds them), typed; numbers are checked by the client and adapter. */
export function haloSettingsFromText(text: Readonly<Partial<Record<HaloVariableName, string>>>): HaloEnvironmentSettings {
  const typed: HaloEnvironmentSettings = {}
  for (const name of [
    'resourceUrl',
    'authUrl',
    'tenant',
    'instance',
    'baseUrl',
    'clientId',
    'clientSecret',
    'username',
    'password',
    'scopes',
  ] as const) {
    if (text[name]) typed[name] = text[name]
  }
  if (text.defaultSiteId) typed.defaultSiteId = Number(text.defaultSiteId)
  const windowMs = text.rateLimitWindowSeconds ? Number(text.rateLimitWindowSeconds) * 1000 : haloBudgetWindowMs
  if (text.requestsPerFiveMinutes) typed.rateLimit = { requests: Number(text.requestsPerFiveMinutes), windowMs }
  return typed
}

/** The settings the environment gives; an empty variable counts as unset, as in the CLI. */
export function haloSettingsFromEnvironment(environment: NodeJS.ProcessEnv): HaloEnvironmentSettings {
  return haloSettingsFromText(textsFromEnvironment(haloEnvironmentVariables, environment))
}

/** Settings that name where the instance is; the environment's are not mixed with the caller's. */
const locationNames = ['resourceUrl', 'instance', 'baseUrl', 'authUrl', 'tenant'] as const
/** Credentials of a person's sign-in or a token: the caller's whole, never mixed with a secret or password from the environment. */
const personGrantNames = ['accessToken', 'refreshToken', 'redirectUri'] as const

/** Given settings with the environment's filled in where they are silent, and which came from it. */
export type HaloSettingsWithEnvironment<Settings> = SettingsWithEnvironment<Settings, HaloEnvironmentSettingName>

/**
 * Fills in what the settings leave out from the environment. Given settings always win, and where
 * they already chose, the environment's alternatives stay out: settings that say where the
 * instance is take no location variable, and an access token, refresh token or redirect address
 * takes none of HALO_CLIENT_SECRET, HALO_USERNAME and HALO_PASSWORD (they belong to other grants,
 * often of another application). `names` limits which settings are read.
 */
export function withHaloEnvironment<Settings extends object>(
  settings: Settings,
  environment: NodeJS.ProcessEnv,
  names: readonly HaloEnvironmentSettingName[],
): HaloSettingsWithEnvironment<Settings> {
  return withEnvironmentSettings(settings, environment, {
    vendor: 'halo',
    vendorTitle: 'Halo',
    names,
    read: haloSettingsFromEnvironment,
    skip: (given) => {
      const isGiven = (name: string): boolean => given[name] !== undefined
      return [
        ...(['resourceUrl', 'instance', 'baseUrl'].some(isGiven) ? locationNames : []),
        ...(personGrantNames.some(isGiven) ? ['clientSecret', 'username', 'password'] : []),
      ]
    },
  })
}

/** The sentence that tells which variable sets an option, for messages about a missing setting. */
export function haloSetOrPass(name: HaloEnvironmentSettingName): string {
  return `set ${variableOf(name)} or pass ${name}`
}

/** A ConfigurationError about a setting taken from the environment names its variable, never its value. */
export function namingHaloVariable(error: unknown, fromEnvironment: readonly HaloEnvironmentSettingName[]): unknown {
  return namingEnvironmentVariable(error, fromEnvironment, { vendor: 'halo', variableOf })
}

/** The settings the client reads from the environment (the rest are the adapter's). */
export const haloClientEnvironmentNames: readonly HaloEnvironmentSettingName[] = [
  'resourceUrl',
  'authUrl',
  'tenant',
  'instance',
  'baseUrl',
  'clientId',
  'clientSecret',
  'username',
  'password',
  'scopes',
  'rateLimit',
]

/** The settings only the adapter reads from the environment. */
export const haloAdapterEnvironmentNames: readonly HaloEnvironmentSettingName[] = ['defaultSiteId']
