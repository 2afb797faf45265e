import { existsSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { ConfigurationError } from '@ticketbridge/core'
import { defaultLedgerName, describeLedgerLocation, isPostgresLocation } from '@ticketbridge/migrate'
import { findConnector } from '../connectors/connectors'
import { type ConnectionOptions, connectionSettings } from './shared-options'

/**
 * Where ledgers live when `--ledger` names none: `$TICKETBRIDGE_STATE_DIR`, else
 * `$XDG_STATE_HOME/ticketbridge`, else `~/.local/state/ticketbridge`. Not the shell's folder: a
 * rerun from another folder must find the same ledger.
 */
export function ledgerFolder(environment: NodeJS.ProcessEnv = process.env): string {
  if (environment.TICKETBRIDGE_STATE_DIR) return environment.TICKETBRIDGE_STATE_DIR
  return join(environment.XDG_STATE_HOME || join(homedir(), '.local', 'state'), 'ticketbridge')
}

/**
 * The default ledger of a migration between two instances: one file per pair of instances (the
 * source's and target's addresses, tenants or API users), in {@link ledgerFolder}.
 */
export function defaultLedgerPath(
  from: { vendor: string; instance: string },
  to: { vendor: string; instance: string },
  environment: NodeJS.ProcessEnv = process.env,
): string {
  return join(ledgerFolder(environment), 'ledgers', `${defaultLedgerName(from, to)}.sqlite`)
}

/** Where a command's ledger is: a SQLite file, or a named ledger in a PostgreSQL database. */
export interface LedgerLocation {
  ledger: string
  ledgerName?: string
  /** For messages: the file, or the database's address without its password and the ledger's name. */
  label: string
}

/** The ledger options every ledger-reading command takes. */
export interface LedgerOptions {
  ledger?: string
  ledgerName?: string
}

/**
 * The ledger a command uses: `--ledger` (a file or `postgres://…`), else `$TICKETBRIDGE_LEDGER`,
 * else the default file for the instances its settings name. In PostgreSQL the ledger's name is
 * `--ledger-name`, else the one the default file would have.
 */
export function ledgerLocation(
  options: LedgerOptions,
  instances: { from: { vendor: string; instance: string }; to: { vendor: string; instance: string } },
  environment: NodeJS.ProcessEnv = process.env,
): LedgerLocation {
  const ledger = options.ledger ?? (environment.TICKETBRIDGE_LEDGER || undefined) ?? defaultLedgerPath(instances.from, instances.to, environment)
  if (!isPostgresLocation(ledger)) {
    if (options.ledgerName)
      throw new ConfigurationError('--ledger-name names a ledger in a PostgreSQL database: pass --ledger postgres://… as well, or leave it out.', {
        option: 'ledger-name',
      })
    return { ledger, label: ledger }
  }
  const ledgerName = options.ledgerName ?? defaultLedgerName(instances.from, instances.to)
  return { ledger, ledgerName, label: describeLedgerLocation(ledger, ledgerName) }
}

/** Whether the ledger may hold earlier runs: a SQLite file that exists, or any PostgreSQL ledger (its rows tell). */
export function ledgerMayExist(location: LedgerLocation): boolean {
  return isPostgresLocation(location.ledger) || existsSync(location.ledger)
}

/** The ledger a command uses, for the instances its settings name. */
export async function resolveLedgerLocation(options: ConnectionOptions & LedgerOptions & { from: string; to: string }): Promise<LedgerLocation> {
  return ledgerLocation(options, await resolveInstances(options))
}

/** The source and target instances the settings name (addresses, tenants, API users; never secrets). */
export async function resolveInstances(
  options: ConnectionOptions & { from: string; to: string },
): Promise<{ from: { vendor: string; instance: string }; to: { vendor: string; instance: string } }> {
  const instance = async (vendor: string) => ({ vendor, instance: findConnector(vendor).instanceOf(await connectionSettings(vendor, options)) })
  return { from: await instance(options.from), to: await instance(options.to) }
}

/** The ledger flags a user gave, for a command to run next; a PostgreSQL address without its password. */
export function ledgerFlags(options: { ledger?: string; ledgerName?: string }, location: LedgerLocation): string {
  const ledger = options.ledger
    ? ` --ledger ${isPostgresLocation(location.ledger) ? `'${describeLedgerLocation(location.ledger)}'` : location.ledger}`
    : ''
  return `${ledger}${options.ledgerName ? ` --ledger-name ${options.ledgerName}` : ''}`
}
