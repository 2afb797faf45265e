import { ConfigurationError } from '@ticketbridge/core'
import { Command } from 'commander'
import { createDemoCommand } from './commands/demo-command'
import { createLookupsCommand } from './commands/lookups-command'
import { createMigrateCommand } from './commands/migrate-command'
import { createReportCommand } from './commands/report-command'
import { createRollbackCommand } from './commands/rollback-command'
import { createSimulateCommand } from './commands/simulate-command'
import { createTicketsCommand } from './commands/tickets-command'
import { createVerifyCommand } from './commands/verify-command'
import { registerBuiltInConnectors } from './connectors/built-in-connectors'
import { exitCodes } from './output/exit-codes'

registerBuiltInConnectors()

const program = new Command('ticketbridge')
  .description('Move help desks between HaloPSA/HaloITSM, Autotask PSA and Request Tracker, through one vendor-neutral interface.')
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

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(`ticketbridge: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = ConfigurationError.isInstance(error) ? exitCodes.configuration : exitCodes.failed
})
