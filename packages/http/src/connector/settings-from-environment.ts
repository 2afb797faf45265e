import { ConfigurationError } from '@ticketbridge/core'
import type { ConnectorSetting } from './vendor-connector'

/** Environment variables by name, such as `process.env`. */
export type EnvironmentVariables = Readonly<Record<string, string | undefined>>

/**
 * The variables `variables` lists, read from `environment` as texts keyed by setting name. An
 * empty variable counts as unset, as in the CLI, where `NAME=` clears a setting.
 */
export function textsFromEnvironment<Name extends string>(
  variables: Readonly<Record<Name, ConnectorSetting>>,
  environment: EnvironmentVariables,
): Partial<Record<Name, string>> {
  const texts: Partial<Record<Name, string>> = {}
  for (const [name, setting] of Object.entries(variables) as [Name, ConnectorSetting][]) {
    const value = environment[setting.environment]
    if (value !== undefined && value !== '') texts[name] = value
  }
  return texts
}

/** Given settings with the environment's filled in where they are silent, and which came from it. */
export interface SettingsWithEnvironment<Settings, Name extends string> {
  settings: Settings
  /** Settings taken from the environment, to name their variable when one is wrong. */
  fromEnvironment: Name[]
}

/** How one vendor fills its settings from the environment. */
export interface EnvironmentFillOptions<Name extends string> {
  /** The vendor errors name (`halo`). */
  vendor: string
  /** The vendor as messages spell it (`Halo`). */
  vendorTitle: string
  /** The settings to read; the rest are left as given. */
  names: readonly Name[]
  /** The settings the environment gives, typed; called only once the environment is known to be an object. */
  read: (environment: EnvironmentVariables) => Partial<Record<Name, unknown>>
  /** Settings the environment must not fill given what the caller chose, such as the alternatives of a given one. */
  skip?: (given: Readonly<Record<string, unknown>>) => Iterable<string>
}

/**
 * Fills in what the settings leave out from the environment, limited to `names`, and says which
 * came from it. Given settings always win, and names `skip` returns stay out.
 */
export function withEnvironmentSettings<Settings extends object, Name extends string>(
  settings: Settings,
  environment: EnvironmentVariables,
  options: EnvironmentFillOptions<Name>,
): SettingsWithEnvironment<Settings, Name> {
  // Callers in plain JavaScript may pass a string or nothing; say what was meant rather than read from it.
  if (typeof environment !== 'object' || environment === null) {
    throw new ConfigurationError(`Invalid ${options.vendorTitle} settings (environment): must be an object of variables, such as process.env.`, {
      vendor: options.vendor,
      option: 'environment',
    })
  }
  const given = settings as Record<string, unknown>
  const available = options.read(environment)
  const skipped = new Set<string>(options.skip?.(given) ?? [])
  const merged: Record<string, unknown> = { ...given }
  const fromEnvironment: Name[] = []
  for (const name of options.names) {
    if (given[name] !== undefined || skipped.has(name) || available[name] === undefined) continue
    merged[name] = available[name]
    fromEnvironment.push(name)
  }
  return { settings: merged as Settings, fromEnvironment }
}

/**
 * A ConfigurationError about a setting taken from the environment says so, naming the variable
 * (never its value), since the caller never wrote that option. Other errors pass through.
 */
export function namingEnvironmentVariable<Name extends string>(
  error: unknown,
  fromEnvironment: readonly Name[],
  options: { vendor: string; variableOf: (name: Name) => string },
): unknown {
  if (!ConfigurationError.isInstance(error) || error.option === undefined) return error
  const option = error.option
  const name = fromEnvironment.find((taken) => option === taken || option.startsWith(`${taken}.`))
  if (name === undefined) return error
  return new ConfigurationError(`${error.message} ${name} was read from ${options.variableOf(name)}.`, { vendor: options.vendor, option })
}
