import { readFile } from 'node:fs/promises'
import { ConfigurationError, registerSecret } from '@ticketbridge/core'
import { parse as parseYaml } from 'yaml'
import type { VendorConnector } from '@ticketbridge/http'

/** Where the CLI reads a vendor's settings from, lowest precedence first. */
export interface ConfigSources {
  /** `ticketbridge.config.json|yaml`: `{ <vendor>: { <setting>: … } }`; no secrets allowed. */
  configFile?: string
  /** A `KEY=value` file of environment variables, for secrets kept out of the shell's history. */
  secretsFile?: string
  /** `--set <vendor>.<setting>=value` flags. */
  overrides?: string[]
  environment?: NodeJS.ProcessEnv
  /** `omit`: read only the settings that are not secret, and require none of the secret ones (what a queued job may carry). */
  secrets?: 'required' | 'omit'
}

async function readConfigFile(path: string): Promise<Record<string, Record<string, unknown>>> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    throw new ConfigurationError(`Cannot read the config file ${path}: ${(error as Error).message}.`, { option: 'config' })
  }
  let parsed: unknown
  try {
    parsed = parseYaml(text)
  } catch (error) {
    // The yaml library names the line and column; the file name is ours to add.
    throw new ConfigurationError(`The config file ${path} is not valid YAML or JSON: ${(error as Error).message.split('\n')[0]}`, {
      option: 'config',
    })
  }
  if (parsed === null || parsed === undefined) return {}
  if (typeof parsed !== 'object' || Array.isArray(parsed))
    throw new ConfigurationError(`${path} must map vendor names to their settings.`, { option: 'config' })
  return parsed as Record<string, Record<string, unknown>>
}

/** Reads a dotenv-style file: `KEY=value` lines, `#` comments, optional quotes. */
async function readSecretsFile(path: string): Promise<Record<string, string>> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    throw new ConfigurationError(`Cannot read the secrets file ${path}: ${(error as Error).message}.`, { option: 'secrets-file' })
  }
  const values: Record<string, string> = {}
  for (const [index, line] of text.split(/\r?\n/).entries()) {
    const trimmed = line.trim()
    if (!trimmed || trimmed.startsWith('#')) continue
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(trimmed)
    if (!match) throw new ConfigurationError(`${path} line ${index + 1} is not KEY=value.`, { option: 'secrets-file' })
    values[match[1]!] = match[2]!.replace(/^(['"])(.*)\1$/, '$2')
  }
  return values
}

/**
 * A vendor's settings from the config file, the environment (and secrets file) and `--set`
 * flags, checked against the connector: unknown keys and secrets outside the environment are
 * refused, missing required settings are named with the variable that sets them.
 */
export async function loadVendorSettings(connector: VendorConnector, sources: ConfigSources): Promise<Record<string, string>> {
  const environment = { ...(sources.environment ?? process.env), ...(sources.secretsFile ? await readSecretsFile(sources.secretsFile) : {}) }
  const fromFile = sources.configFile ? ((await readConfigFile(sources.configFile))[connector.vendor] ?? {}) : {}
  const settings: Record<string, string> = {}
  for (const [key, value] of Object.entries(fromFile)) {
    const known = connector.settings[key]
    if (!known)
      throw new ConfigurationError(
        `${sources.configFile}: ${connector.vendor}.${key} is not a ${connector.title} setting. Known: ${Object.keys(connector.settings).join(', ')}.`,
        { option: `${connector.vendor}.${key}` },
      )
    if (known.secret)
      throw new ConfigurationError(
        `${sources.configFile}: ${connector.vendor}.${key} is a secret; set ${known.environment} in the environment or a --secrets-file instead.`,
        { option: `${connector.vendor}.${key}` },
      )
    settings[key] = String(value)
  }
  const omitSecrets = sources.secrets === 'omit'
  for (const [key, setting] of Object.entries(connector.settings)) {
    const value = environment[setting.environment]
    if (value !== undefined && value !== '' && !(omitSecrets && setting.secret)) settings[key] = value
  }
  for (const override of sources.overrides ?? []) {
    const match = /^([a-z]+)\.([A-Za-z]+)=(.*)$/.exec(override)
    if (!match) throw new ConfigurationError(`--set ${override} must look like vendor.setting=value.`, { option: 'set' })
    const [, vendor, key, value] = match
    if (vendor !== connector.vendor) continue
    const known = connector.settings[key!]
    if (!known)
      throw new ConfigurationError(
        `--set ${vendor}.${key}: not a ${connector.title} setting. Known: ${Object.keys(connector.settings).join(', ')}.`,
        { option: `${vendor}.${key}` },
      )
    if (known.secret)
      throw new ConfigurationError(
        `--set ${vendor}.${key} is refused, because secrets are not taken from flags (they end up in shell history); set ${known.environment} instead.`,
        { option: `${vendor}.${key}` },
      )
    settings[key!] = value!
  }
  for (const [key, setting] of Object.entries(connector.settings)) {
    if (setting.secret) registerSecret(settings[key])
    if (setting.required && settings[key] === undefined && !(omitSecrets && setting.secret)) {
      throw new ConfigurationError(
        `${connector.title} needs ${key}: set ${setting.environment}${setting.secret ? ' (environment or --secrets-file)' : `, ${connector.vendor}.${key} in the config file, or --set ${connector.vendor}.${key}=…`}.`,
        {
          option: `${connector.vendor}.${key}`,
        },
      )
    }
  }
  return settings
}
