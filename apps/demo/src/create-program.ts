import { Command } from 'commander'
import packageJson from '../package.json' with { type: 'json' }
import { createAuthCommand } from './commands/auth/auth-command'
import { createAutotaskCommand } from './commands/autotask/autotask-command'
import { createDemoCommand } from './commands/demo-command'
import { createDoctorCommand } from './commands/doctor/doctor-command'
import { createHaloCommand } from './commands/halo/halo-command'
import { createLookupsCommand } from './commands/lookups-command'
import { createMigrateCommand } from './commands/migrate-command'
import { createReportCommand } from './commands/report-command'
import { createRtCommand } from './commands/rt/rt-command'
import { createRollbackCommand } from './commands/rollback-command'
import { createSimulateCommand } from './commands/simulate-command'
import { createTicketsCommand } from './commands/tickets/tickets-command'
import { createVerifyCommand } from './commands/verify-command'
import { createJobsCommand } from './commands/queue/jobs-command'
import { createWorkerCommand } from './commands/queue/worker-command'
import { vendorTitles } from './connectors/connectors'

/** The `ticketbridge` command line: every command, each failing with its exit code instead of exiting. */
export function createProgram(): Command {
  const program = new Command('ticketbridge')
    .description(`Move help desks between ${vendorTitles()}, through one vendor-neutral interface.`)
    .version(packageJson.version)
    .showHelpAfterError()
  program
    .addCommand(createDemoCommand())
    .addCommand(createMigrateCommand())
    .addCommand(createVerifyCommand())
    .addCommand(createReportCommand())
    .addCommand(createRollbackCommand())
    .addCommand(createWorkerCommand())
    .addCommand(createJobsCommand())
    .addCommand(createTicketsCommand())
    .addCommand(createLookupsCommand())
    .addCommand(createSimulateCommand())
    .addCommand(createAuthCommand())
    .addCommand(createHaloCommand())
    .addCommand(createAutotaskCommand())
    .addCommand(createRtCommand())
    .addCommand(createDoctorCommand())

  // Commander exits by itself on a bad flag (with 1); ours say 2 for bad input, so it throws instead.
  for (const command of everyCommand(program)) command.exitOverride()
  return program
}

/** A command and all its subcommands, depth first. */
export function everyCommand(command: Command): Command[] {
  return [command, ...command.commands.flatMap(everyCommand)]
}
