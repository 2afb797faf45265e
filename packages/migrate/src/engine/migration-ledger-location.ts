import { createHash } from 'node:crypto'
import { ConfigurationError } from '@ticketbridge/core'
import { isPostgresLocation } from '../ledger/open-ledger'
import type { MigrationOptions } from './migration-options'

/** `<vendor>-127.0.0.1-9080-1a2b3c4d`: the vendor, the instance's address made file-safe, and a digest that keeps two instances apart. */
function instanceKey(vendor: string, instance: string): string {
  const readable = instance
    .replace(/^https?:\/\//, '')
    .replace(/[^a-z0-9.@-]+/gi, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
  const digest = createHash('sha256').update(`${vendor}\n${instance}`).digest('hex').slice(0, 8)
  return [vendor, readable, digest].filter(Boolean).join('-')
}

/** The name of a migration between two instances: the same as its default ledger file's, so a ledger keeps its name when it moves to PostgreSQL. */
export function defaultLedgerName(from: { vendor: string; instance: string }, to: { vendor: string; instance: string }): string {
  return `${instanceKey(from.vendor, from.instance)}--to--${instanceKey(to.vendor, to.instance)}`
}

/** Where a migration's ledger is: `ledger` (or the older `ledgerPath`), and in PostgreSQL its name. */
export function migrationLedgerLocation(options: MigrationOptions): { ledger: string; ledgerName?: string } {
  const ledger = options.ledger ?? options.ledgerPath
  if (!ledger) {
    throw new ConfigurationError('Name the migration’s ledger: a SQLite file, or a PostgreSQL database (postgres://…).', { option: 'ledger' })
  }
  if (!isPostgresLocation(ledger)) return { ledger }
  const ledgerName =
    options.ledgerName ??
    (options.instances
      ? defaultLedgerName(
          { vendor: options.source.vendor, instance: options.instances.source },
          { vendor: options.target.vendor, instance: options.instances.target },
        )
      : undefined)
  return ledgerName ? { ledger, ledgerName } : { ledger }
}
