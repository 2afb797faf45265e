import { ConfigurationError } from '@ticketbridge/core'
import { openLedger, verifyMigration } from '@ticketbridge/migrate'
import { Command } from 'commander'
import { allVendors } from '../connectors/connectors'
import { commandHelp } from '../output/command-help'
import { exitCodes } from '../output/exit-codes'
import { announceRateLimitWaits } from '../output/announce-rate-limit-waits'
import { createProgressReporter } from '../output/progress-reporter'
import { createRateLimitNotice } from '../output/rate-limit-notice'
import { type LedgerOptions, ledgerMayExist, resolveLedgerLocation } from './ledger-location'
import { addConnectionOptions, type ConnectionOptions, connect, ledgerNameOptionText, ledgerOptionText } from './shared-options'

export function createVerifyCommand(): Command {
  const command = new Command('verify')
    .description("Check the target against a migration's ledger: status categories, comment counts, file bytes, sampled fields.")
    .requiredOption('--from <vendor>', 'source vendor')
    .requiredOption('--to <vendor>', 'target vendor')
    .option(...ledgerOptionText)
    .option(...ledgerNameOptionText)
    .addHelpText(
      'after',
      commandHelp({
        examples: ['verify --from rt --to halo', 'verify --from autotask --to halo --ledger ./client-a.sqlite'],
        vendors: allVendors(),
        notes: ['Exit codes: 0 every moved record matches; 1 differences (each listed); 2 no ledger; 3 stopped (credentials, network).'],
      }),
    )
  addConnectionOptions(command)
  return command.action(async (options: ConnectionOptions & LedgerOptions & { from: string; to: string }) => {
    const location = await resolveLedgerLocation(options)
    if (!ledgerMayExist(location))
      throw new ConfigurationError(`No ledger at ${location.label}: run ticketbridge migrate first, or pass --ledger.`, { option: 'ledger' })
    const rateLimitNotice = createRateLimitNotice()
    const [source, target] = await Promise.all([
      connect(options.from, options, rateLimitNotice.hooks),
      connect(options.to, options, rateLimitNotice.hooks),
    ])
    const ledger = await openLedger(location.ledger, { name: location.ledgerName })
    const progress = createProgressReporter('verify')
    let done = 0
    let total: number | undefined
    const show = () => progress.update(done, total, rateLimitNotice.describe() ?? '')
    const waits = announceRateLimitWaits(rateLimitNotice, show)
    try {
      const report = await verifyMigration({
        source,
        target,
        ledger,
        onProgress: (checked, of) => {
          done = checked
          total = of
          show()
        },
      })
      waits.stop()
      progress.stop()
      if (report.rolledBack && report.tickets.checked === 0)
        console.log(
          `Verify FAILED: the ${report.rolledBack} tickets this ledger moved were rolled back; nothing is left on ${target.vendor} to check. Run ticketbridge migrate to move them again.`,
        )
      else
        console.log(
          `Verify ${report.passed ? 'PASSED' : 'FAILED'}: ${report.tickets.matched}/${report.tickets.checked} tickets match; comments ${report.comments.target}/${report.comments.source}; files with identical bytes ${report.attachments.bytesIdentical}/${report.attachments.source}.${report.rolledBack ? ` ${report.rolledBack} tickets were rolled back.` : ''}`,
        )
      for (const difference of report.differences)
        console.log(`  ${difference.field} of ${difference.sourceId} → ${difference.targetId}: ${difference.source} ≠ ${difference.target}`)
      process.exitCode = report.passed ? exitCodes.success : exitCodes.incomplete
    } finally {
      waits.stop()
      progress.stop()
      await ledger.close()
      await Promise.all([source.close(), target.close()])
    }
  })
}
