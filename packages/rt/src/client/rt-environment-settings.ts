import { ConfigurationError } from '@ticketbridge/core'
import { type ConnectorSetting, namingEnvironmentVariable, textsFromEnvironment, withEnvironmentSettings } from '@ticketbridge/http'

/**
 * Request Tracker's settings the environment gives, the variable of each, and which are secrets.
 * The one list: `new RtClient()`, `createRtAdapter()` and the CLI (through the connector) read it.
 */
export const rtEnvironmentVariables = {
  url: { environment: 'RT_URL', secret: false, required: true, description: 'RT web address (REST2 and REST 1.0 live under it)' },
  token: { environment: 'RT_TOKEN', secret: true, description: 'an auth token (preferred)' },
  user: { environment: 'RT_USER', secret: false, description: 'user name, with RT_PASSWORD' },
  password: { environment: 'RT_PASSWORD', secret: true, description: 'password, with RT_USER' },
  api: { environment: 'RT_API', secret: false, description: 'rest2 (default) or rest1 for servers without REST2' },
  defaultQueue: { environment: 'RT_DEFAULT_QUEUE', secret: false, description: 'queue of tickets that name none (default General)' },
  externalIdCustomField: {
    environment: 'RT_EXTERNAL_ID_FIELD',
    secret: false,
    description: "custom field that keeps external ids (default 'External ID')",
  },
  fullTextSearch: {
    environment: 'RT_FULL_TEXT_SEARCH',
    secret: false,
    description: 'true where RT has its full-text index: text queries then run on the server',
  },
  maxAttachmentBytes: {
    environment: 'RT_MAX_ATTACHMENT_BYTES',
    secret: false,
    description: 'the largest file RT takes ($MaxAttachmentSize; default 10 MiB)',
  },
  timeZone: {
    environment: 'RT_TIMEZONE',
    secret: false,
    description: "the RT user's time zone, e.g. America/New_York (read from RT when unset)",
  },
} satisfies Record<string, ConnectorSetting>

type RtVariableName = keyof typeof rtEnvironmentVariables

/** What the variables give, typed as the client and the adapter take it. */
export interface RtEnvironmentSettings {
  baseUrl?: string
  auth?: { token: string } | { username: string; password: string }
  /** Checked by the adapter: `rest2` or `rest1`. */
  api?: 'rest2' | 'rest1'
  defaultQueue?: string
  externalIdCustomField?: string
  fullTextSearch?: boolean
  maxAttachmentBytes?: number
  /** Checked by the client: an IANA time zone name. */
  timeZone?: string
}

type RtEnvironmentSettingName = keyof RtEnvironmentSettings

/** The settings the client reads from the environment. */
export const rtClientEnvironmentNames: readonly RtEnvironmentSettingName[] = ['baseUrl', 'auth', 'timeZone']

/** Every setting the adapter reads from the environment, the client's included. */
export const rtAdapterEnvironmentNames: readonly RtEnvironmentSettingName[] = [
  'baseUrl',
  'auth',
  'api',
  'defaultQueue',
  'externalIdCustomField',
  'fullTextSearch',
  'maxAttachmentBytes',
  'timeZone',
]

/** The variables behind each typed setting. */
const variablesOf: Record<RtEnvironmentSettingName, string> = {
  baseUrl: 'RT_URL',
  auth: 'RT_TOKEN (or RT_USER and RT_PASSWORD)',
  api: 'RT_API',
  defaultQueue: 'RT_DEFAULT_QUEUE',
  externalIdCustomField: 'RT_EXTERNAL_ID_FIELD',
  fullTextSearch: 'RT_FULL_TEXT_SEARCH',
  maxAttachmentBytes: 'RT_MAX_ATTACHMENT_BYTES',
  timeZone: 'RT_TIMEZONE',
}

/**
 * Settings as texts keyed by setting name (as the CLI holds them), typed. A token is preferred to
 * a user name and password; a user name without its password gives no credentials.
 */
export function rtSettingsFromText(text: Readonly<Partial<Record<RtVariableName, string>>>): RtEnvironmentSettings {
  const typed: RtEnvironmentSettings = {}
  if (text.url) typed.baseUrl = text.url
  if (text.token) typed.auth = { token: text.token }
  else if (text.user && text.password) typed.auth = { username: text.user, password: text.password }
  // Any other value is left for the adapter's check to refuse, naming RT_API.
  if (text.api) typed.api = text.api as 'rest2' | 'rest1'
  if (text.defaultQueue) typed.defaultQueue = text.defaultQueue
  if (text.externalIdCustomField) typed.externalIdCustomField = text.externalIdCustomField
  if (text.fullTextSearch) typed.fullTextSearch = text.fullTextSearch === 'true'
  if (text.maxAttachmentBytes) typed.maxAttachmentBytes = Number(text.maxAttachmentBytes)
  if (text.timeZone) typed.timeZone = text.timeZone
  return typed
}

/** The settings the environment gives; an empty variable counts as unset, as in the CLI. */
export function rtSettingsFromEnvironment(environment: NodeJS.ProcessEnv): RtEnvironmentSettings {
  return rtSettingsFromText(textsFromEnvironment(rtEnvironmentVariables, environment))
}

/**
 * Fills in what the settings leave out from the environment, limited to `names`, and says which
 * came from it. Given settings always win; `auth` is taken whole, never mixed.
 */
export function withRtEnvironment<Settings extends object>(
  settings: Settings,
  environment: NodeJS.ProcessEnv,
  names: readonly RtEnvironmentSettingName[],
): { settings: Settings; fromEnvironment: RtEnvironmentSettingName[] } {
  // `auth` is one setting (a token, or a user name with its password), so a given one keeps all of the environment's out.
  return withEnvironmentSettings(settings, environment, { vendor: 'rt', vendorTitle: 'RT', names, read: rtSettingsFromEnvironment })
}

/** RT's address and credentials must be there, from the settings or the environment. */
export function checkRtRequiredSettings(settings: { baseUrl?: unknown; auth?: unknown }, what: string): void {
  if (settings.baseUrl === undefined || settings.baseUrl === '') {
    throw new ConfigurationError(`Invalid ${what} (baseUrl): set RT_URL or pass baseUrl, RT's web address (https://rt.example.com).`, {
      vendor: 'rt',
      option: 'baseUrl',
    })
  }
  if (settings.auth === undefined) {
    throw new ConfigurationError(
      `Invalid ${what} (auth): set RT_TOKEN, or RT_USER and RT_PASSWORD; or pass auth as { token } or { username, password }.`,
      {
        vendor: 'rt',
        option: 'auth',
      },
    )
  }
}

/** A ConfigurationError about a setting taken from the environment names its variable, never its value. */
export function namingRtVariable(error: unknown, fromEnvironment: readonly RtEnvironmentSettingName[]): unknown {
  return namingEnvironmentVariable(error, fromEnvironment, { vendor: 'rt', variableOf: (name: RtEnvironmentSettingName) => variablesOf[name] })
}
