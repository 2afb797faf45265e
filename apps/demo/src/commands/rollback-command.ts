import { ConfigurationError } from '@ticketbridge/core'
import { createMigration } from '@ticketbridge/migrate'
import { Command } from 'commander'
import { allVendors } from '../connectors/connectors'
import { commandHelp } from '../output/command-help'
import { exitCodes } from '../output/exit-codes'
import { type LedgerOptions, ledgerMayExist, resolveLedgerLocation } from './ledger-location'
import { addConnectionOptions, type ConnectionOptions, connect, ledgerNameOptionText, ledgerOptionText } from './shared-options'

export function createRollbackCommand(): Command {
  const command = new Command('rollback')
    .description('Delete from the target every ticket the migration created (where the target allows deleting).')
    .requiredOption('--from <vendor>', 'source vendor')
    .requiredOption('--to <vendor>', 'target vendor')
    .option(...ledgerOptionText)
    .option(...ledgerNameOptionText)
    .option('--yes', 'confirm: this deletes tickets in the target')
    .addHelpText(
      'after',
      commandHelp({
        examples: ['rollback --from rt --to halo --yes'],
        vendors: allVendors(),
        notes: [
          'Deletes only the tickets the migration created (not those it matched), with their comments, files and time entries.',
          'People and organizations it created stay (most vendors cannot delete them); it lists them by id.',
        ],
      }),
    )
  addConnectionOptions(command)
  return command.action(async (options: ConnectionOptions & LedgerOptions & { from: string; to: string; yes?: boolean }) => {
    const location = await resolveLedgerLocation(options)
    if (!ledgerMayExist(location)) throw new ConfigurationError(`No ledger at ${location.label}: nothing to roll back.`, { option: 'ledger' })
    if (!options.yes) throw new ConfigurationError('rollback deletes tickets in the target; pass --yes to confirm.', { option: 'yes' })
    const [source, target] = await Promise.all([connect(options.from, options), connect(options.to, options)])
    const migration = createMigration({
      source,
      target,
      ledger: location.ledger,
      ...(location.ledgerName ? { ledgerName: location.ledgerName } : {}),
    })
    try {
      const result = await migration.rollback()
      console.log(`Deleted ${result.deleted} tickets from ${target.vendor}.${result.reason ? ` ${result.reason}` : ''}`)
      const left = describeLeft(result.left, target.vendor)
      if (left) console.log(left)
      process.exitCode = result.kept > 0 ? exitCodes.incomplete : exitCodes.success
    } finally {
      await migration.close()
      await Promise.all([source.close(), target.close()])
    }
  })
}

/** `Left in halo: 4 organizations (ids 7, 8, 9, 10) and 13 people (ids …) the migration created; …`. */
function describeLeft(left: { organizations: string[]; people: string[] }, vendor: string): string | undefined {
  const part = (ids: string[], one: string, many: string) =>
    ids.length === 0 ? undefined : `${ids.length} ${ids.length === 1 ? one : many} (id${ids.length === 1 ? '' : 's'} ${listIds(ids)})`
  const parts = [part(left.organizations, 'organization', 'organizations'), part(left.people, 'person', 'people')].filter(Boolean)
  if (parts.length === 0) return undefined
  return `Left in ${vendor}: ${parts.join(' and ')} the migration created. Rollback does not delete people or organizations (most vendors do not allow it, and tickets made since may name them); remove them by hand if they are not wanted.`
}

function listIds(ids: string[]): string {
  return ids.length <= 12 ? ids.join(', ') : `${ids.slice(0, 12).join(', ')}, … ${ids.length - 12} more`
}
