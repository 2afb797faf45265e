import { Command } from 'commander'
import { createDemoCommand } from './commands/demo-command'

const program = new Command('ticketbridge')
  .description('Move help desks between HaloPSA/HaloITSM, Autotask PSA and Request Tracker, through one vendor-neutral interface.')
  .version('0.1.0')
  .showHelpAfterError()
program.addCommand(createDemoCommand())

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error))
  process.exitCode = 2
})
