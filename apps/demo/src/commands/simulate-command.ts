import { Command } from 'commander'
import { findConnector, vendorChoices } from '../connectors/connectors'
import { parsePositiveInteger } from './shared-options'

export function createSimulateCommand(): Command {
  return new Command('simulate')
    .description("Serve a vendor's simulator on 127.0.0.1 until Ctrl-C, seeded with a help desk.")
    .argument('<vendor>', vendorChoices())
    .option('--port <port>', 'port to listen on (default: a free one)', parsePositiveInteger('port'))
    .option('--seed <tickets>', 'tickets to seed', parsePositiveInteger('seed'), 50)
    .action(async (vendor: string, options: { port?: number; seed: number }) => {
      const connector = findConnector(vendor)
      const simulator = await connector.startSimulator({ ...(options.port ? { port: options.port } : {}), seedTickets: options.seed })
      console.log(`${connector.title} simulator on ${simulator.url} with ${options.seed} tickets.`)
      console.log('Connect with these settings (environment variables):')
      for (const [key, value] of Object.entries(simulator.settings)) {
        const setting = connector.settings[key]
        if (setting) console.log(`  ${setting.environment}=${value}`)
      }
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve)
        process.once('SIGTERM', resolve)
      })
      await simulator.close()
    })
}
