import { existsSync } from 'node:fs'
import { ConfigurationError } from '@ticketbridge/core'
import { createMigration } from '@ticketbridge/migrate'
import { Command } from 'commander'
import { exitCodes } from '../output/exit-codes'
import { resolveLedgerPath } from './default-ledger-path'
import { addConnectionOptions, type ConnectionOptions, connect } from './shared-options'

export function createRollbackCommand(): Command {
  const command = new Command('rollback')
    .description('Delete from the target every ticket the migration created (where the target allows deleting).')
    .requiredOption('--from <vendor>', 'source vendor')
    .requiredOption('--to <vendor>', 'target vendor')
    .option('--ledger <file>', 'the SQLite ledger (default: one per pair of instances, under $TICKETBRIDGE_STATE_DIR or ~/.local/state/ticketbridge)')
    .option('--yes', 'confirm: this deletes tickets in the target')
  addConnectionOptions(command)
  return command.action(async (options: ConnectionOptions & { from: string; to: string; ledger?: string; yes?: boolean }) => {
    const ledgerPath = await resolveLedgerPath(options)
    if (!existsSync(ledgerPath)) throw new ConfigurationError(`No ledger at ${ledgerPath}: nothing to roll back.`, { option: 'ledger' })
    if (!options.yes) throw new ConfigurationError('rollback deletes tickets in the target; pass --yes to confirm.', { option: 'yes' })
    const [source, target] = await Promise.all([connect(options.from, options), connect(options.to, options)])
    const migration = createMigration({ source, target, ledgerPath })
    try {
      const result = await migration.rollback()
      console.log(`Deleted ${result.deleted} tickets from ${target.vendor}.${result.reason ? ` ${result.reason}` : ''}`)
      process.exitCode = result.kept > 0 ? exitCodes.incomplete : exitCodes.success
    } finally {
      await migration.close()
      await Promise.all([source.close(), target.close()])
    }
  })
}
