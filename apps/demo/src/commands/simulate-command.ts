import { Command } from 'commander'
import { findConnector, vendorChoices } from '../connectors/connectors'
import { commandHelp } from '../output/command-help'
import { parseWholeNumber, parsePositiveInteger } from './shared-options'

export function createSimulateCommand(): Command {
  return new Command('simulate')
    .description("Serve a vendor's simulator on 127.0.0.1 until Ctrl-C, seeded with a help desk.")
    .argument('<vendor>', vendorChoices())
    .option('--port <port>', 'port to listen on (default: a free one)', parsePositiveInteger('port'))
    .option('--seed <tickets>', 'tickets to seed (0: an empty help desk, as a target)', parseWholeNumber('seed'), 50)
    .addHelpText(
      'after',
      commandHelp({
        examples: ['simulate halo --seed 0        # an empty Halo to migrate into', 'simulate autotask --port 8081 --seed 200'],
        vendors: [],
        notes: ["Prints `export VARIABLE=value` lines that paste into a POSIX shell; the secrets printed are the simulator's own, not real ones."],
      }),
    )
    .action(async (vendor: string, options: { port?: number; seed: number }) => {
      const connector = findConnector(vendor)
      const simulator = await connector.startSimulator({ ...(options.port ? { port: options.port } : {}), seedTickets: options.seed })
      console.log(`${connector.title} simulator on ${simulator.url} with ${options.seed} tickets.`)
      console.log('Connect with these settings (paste them into a shell):')
      for (const [key, value] of Object.entries(simulator.settings)) {
        const setting = connector.settings[key]
        if (setting) console.log(`export ${setting.environment}=${shellQuote(value)}`)
      }
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve)
        process.once('SIGTERM', resolve)
      })
      await simulator.close()
    })
}

/** A value as one POSIX shell word: bare when it is plain, else in single quotes. */
function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`
}
