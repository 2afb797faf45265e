import { ConfigurationError, NotFoundError } from '@ticketbridge/core'
import { Command, CommanderError } from 'commander'
import { createAuthCommand } from './commands/auth-command'
import { createDemoCommand } from './commands/demo-command'
import { createLookupsCommand } from './commands/lookups-command'
import { createMigrateCommand } from './commands/migrate-command'
import { createReportCommand } from './commands/report-command'
import { createRollbackCommand } from './commands/rollback-command'
import { createSimulateCommand } from './commands/simulate-command'
import { createTicketsCommand } from './commands/tickets-command'
import { createVerifyCommand } from './commands/verify-command'
import { vendorTitles } from './connectors/connectors'
import { exitCodes } from './output/exit-codes'

const program = new Command('ticketbridge')
  .description(`Move help desks between ${vendorTitles()}, through one vendor-neutral interface.`)
  .version('0.1.0')
  .showHelpAfterError()
program
  .addCommand(createDemoCommand())
  .addCommand(createMigrateCommand())
  .addCommand(createVerifyCommand())
  .addCommand(createReportCommand())
  .addCommand(createRollbackCommand())
  .addCommand(createTicketsCommand())
  .addCommand(createLookupsCommand())
  .addCommand(createSimulateCommand())
  .addCommand(createAuthCommand())

// Commander exits by itself on a bad flag (with 1); ours say 2 for bad input, so it throws instead.
const everyCommand = (command: Command): Command[] => [command, ...command.commands.flatMap(everyCommand)]
for (const command of everyCommand(program)) command.exitOverride()

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof CommanderError) {
    // --help and --version end here too; commander has printed what it had to say.
    process.exitCode = error.exitCode === 0 ? exitCodes.success : exitCodes.configuration
    return
  }
  console.error(`ticketbridge: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = ConfigurationError.isInstance(error)
    ? exitCodes.configuration
    : NotFoundError.isInstance(error)
      ? exitCodes.notFound
      : exitCodes.failed
})
