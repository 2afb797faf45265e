import { ConfigurationError, type TicketingAdapter } from '@ticketbridge/core'
import { type Command, Option } from 'commander'
import { loadVendorSettings } from '../config/load-cli-config'
import type { ConnectorAdapterOptions } from '@ticketbridge/http'
import { findConnector, listConnectors } from '../connectors/connectors'

/** The options every command that talks to a vendor takes. */
export interface ConnectionOptions {
  config?: string
  secretsFile?: string
  set?: string[]
  /** Seconds without progress before a request gives up. */
  timeout?: number
}

export function addConnectionOptions(command: Command): Command {
  return command
    .option('--config <file>', 'vendor settings (JSON or YAML, no secrets): { <vendor>: { <setting>: … }, … }')
    .option('--secrets-file <file>', `KEY=value file of secret environment variables (${secretEnvironmentNames().join(', ')})`)
    .addOption(new Option('--set <vendor.setting=value...>', 'override one non-secret setting of a vendor'))
    .option(
      '--timeout <seconds>',
      'seconds a request may go without sending or receiving anything before it gives up (default 30); large files keep moving as long as bytes flow',
      parsePositiveInteger('timeout'),
    )
}

/** The environment variables of every vendor's secret settings. */
function secretEnvironmentNames(): string[] {
  return listConnectors().flatMap((connector) =>
    Object.values(connector.settings)
      .filter((setting) => setting.secret)
      .map((setting) => setting.environment),
  )
}

/** A vendor's settings from the config file, the environment and the flags. */
export function connectionSettings(vendor: string, options: ConnectionOptions): Promise<Record<string, string>> {
  return loadVendorSettings(findConnector(vendor), {
    ...(options.config ? { configFile: options.config } : {}),
    ...(options.secretsFile ? { secretsFile: options.secretsFile } : {}),
    ...(options.set ? { overrides: options.set } : {}),
  })
}

/** Builds a vendor's adapter from the config file, the environment and the flags. */
export async function connect(vendor: string, options: ConnectionOptions, hooks?: ConnectorAdapterOptions): Promise<TicketingAdapter> {
  const connector = findConnector(vendor)
  const settings = await connectionSettings(vendor, options)
  return connector.createAdapter(settings, { ...hooks, ...(options.timeout ? { timeoutMs: options.timeout * 1000 } : {}) })
}

export function parseWholeNumber(name: string): (value: string) => number {
  return (value) => {
    const parsed = Number.parseInt(value, 10)
    if (!Number.isInteger(parsed) || parsed < 0 || String(parsed) !== value.trim())
      throw new ConfigurationError(`${name} must be a whole number (0 or more), not "${value}".`, { option: name })
    return parsed
  }
}

export function parsePositiveInteger(name: string): (value: string) => number {
  return (value) => {
    const parsed = Number.parseInt(value, 10)
    if (!Number.isInteger(parsed) || parsed < 1 || String(parsed) !== value.trim())
      throw new ConfigurationError(`${name} must be a positive whole number, not "${value}".`, { option: name })
    return parsed
  }
}

/** `--ledger`, as migrate, verify, rollback and report take it. */
export const ledgerOptionText = [
  '--ledger <file|url>',
  'the ledger: a SQLite file, or a PostgreSQL database (postgres://…) shared by many migrations and workers (default: $TICKETBRIDGE_LEDGER, else one SQLite file per pair of instances under $TICKETBRIDGE_STATE_DIR or ~/.local/state/ticketbridge)',
] as const

/** `--ledger-name`: which of a PostgreSQL database's ledgers. */
export const ledgerNameOptionText = [
  '--ledger-name <name>',
  "the migration's ledger in a PostgreSQL database (default: made from the two instances, as the default file's name is)",
] as const
