import { ConfigurationError } from '@ticketbridge/core'
import { MigrationLedger } from './migration-ledger'
import { SqliteLedgerDriver } from './sqlite-ledger-driver'

/** Whether a ledger location names a PostgreSQL database rather than a SQLite file. */
export function isPostgresLocation(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location)
}

/**
 * Opens a ledger: a SQLite file (made if missing), or a ledger by `name` in a PostgreSQL database
 * (`postgres://…`; the schema is made or brought up to date first). PostgreSQL's driver is loaded
 * only when asked for, so the embedded default never loads `pg`.
 */
export async function openLedger(location: string, options: { name?: string | undefined } = {}): Promise<MigrationLedger> {
  if (!isPostgresLocation(location)) return new MigrationLedger(new SqliteLedgerDriver(location))
  if (!options.name) {
    throw new ConfigurationError(
      'A PostgreSQL ledger holds many migrations: name this one (ledgerName, or --ledger-name on the command line), or give the instances it moves between so a name is made from them.',
      { option: 'ledgerName' },
    )
  }
  const { PostgresLedgerDriver } = await import('./postgres-ledger-driver')
  return new MigrationLedger(await PostgresLedgerDriver.open({ url: location, name: options.name }))
}

/** A ledger's location fit for messages and logs: a file as it is; a PostgreSQL address without its password, with the ledger's name. */
export function describeLedgerLocation(location: string, name?: string): string {
  if (!isPostgresLocation(location)) return location
  let address: string
  try {
    const url = new URL(location)
    if (url.password) url.password = '***'
    address = url.toString()
  } catch {
    // An address that does not parse is not repeated: it may hold a password.
    address = 'postgres://(an address that does not parse)'
  }
  return name ? `${address} (ledger ${name})` : address
}
