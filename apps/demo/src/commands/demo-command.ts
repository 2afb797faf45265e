import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { TicketingAdapter } from '@ticketbridge/core'
import { Command } from 'commander'
import { findConnector } from '../connectors/connectors'
import type { RunningSimulator } from '../connectors/vendor-connector'
import { seedHelpDesk } from '../demo/seed-help-desk'
import { exitCodes } from '../output/exit-codes'
import { renderTable } from '../output/render-table'
import { parsePositiveInteger } from './shared-options'
import { runMigration } from './run-migration'

/** The migrations the demo runs, in order: into Halo from both others, then back out to RT. */
const legs: [from: string, to: string][] = [
  ['autotask', 'halo'],
  ['rt', 'halo'],
  ['halo', 'rt'],
]

export interface DemoOptions {
  tickets: number
  reportFolder: string
  log?: (line: string) => void
}

/**
 * `ticketbridge demo`: starts the Halo, Autotask and RT simulators on 127.0.0.1, seeds a help desk
 * in Autotask and in RT through the neutral interface, migrates Autotask → Halo, RT → Halo and
 * Halo → RT with the migration engine, verifies each, and prints the reports. Offline.
 * Returns the exit code: 0 when every leg verified with nothing failed.
 */
export async function runDemo(options: DemoOptions): Promise<number> {
  const log = options.log ?? ((line: string) => console.log(line))
  const simulators: RunningSimulator[] = []
  const adapters: TicketingAdapter[] = []
  try {
    log('Starting the Halo, Autotask and RT simulators on 127.0.0.1…')
    const connected = new Map<string, TicketingAdapter>()
    for (const vendor of ['halo', 'autotask', 'rt']) {
      const connector = findConnector(vendor)
      const simulator = await connector.startSimulator({})
      simulators.push(simulator)
      const adapter = connector.createAdapter(simulator.settings)
      adapters.push(adapter)
      connected.set(vendor, adapter)
      log(`  ${connector.title.padEnd(16)} ${simulator.url}`)
    }
    const rtTickets = Math.max(1, Math.round((options.tickets * 2) / 3))
    log(`Seeding ${options.tickets} tickets in Autotask and ${rtTickets} in RT (people, organizations where the vendor has them, comments, binary files, time worked)…`)
    await seedHelpDesk(connected.get('autotask')!, options.tickets, 11)
    await seedHelpDesk(connected.get('rt')!, rtTickets, 23)

    const folder = await mkdtemp(join(tmpdir(), 'ticketbridge-demo-'))
    const summary: (string | number)[][] = []
    let allVerified = true
    const reports: string[] = []
    for (const [from, to] of legs) {
      log('')
      log(`=== ${from} → ${to} ===`)
      const result = await runMigration({
        source: connected.get(from)!,
        target: connected.get(to)!,
        ledgerPath: join(folder, `${from}-to-${to}.sqlite`),
        reportFolder: options.reportFolder,
        log,
      })
      const { report } = result
      const verify = report.verify
      allVerified &&= result.complete
      reports.push(resolve(result.htmlPath))
      summary.push([
        `${from} → ${to}`,
        report.counts.tickets.read,
        report.counts.tickets.created,
        report.counts.comments.created,
        report.counts.attachments.created,
        report.counts.timeEntries.created,
        report.warnings.length,
        report.failures.length,
        verify ? (verify.passed ? 'passed' : 'FAILED') : '-',
        report.durationSeconds.toFixed(1),
      ])
    }
    log('')
    log(renderTable(['migration', 'tickets read', 'created', 'comments', 'files', 'time', 'warnings', 'failed', 'verify', 'seconds'], summary))
    log('')
    log('HTML reports:')
    for (const path of reports) log(`  ${path}`)
    log(allVerified ? 'Every migration verified: source and target agree.' : 'Some migrations did not verify; see the reports.')
    return allVerified ? exitCodes.success : exitCodes.incomplete
  } finally {
    await Promise.all(adapters.map((adapter) => adapter.close()))
    await Promise.all(simulators.map((simulator) => simulator.close()))
  }
}

export function createDemoCommand(): Command {
  return new Command('demo')
    .description('Offline: start the Halo, Autotask and RT simulators, seed a help desk, migrate Autotask → Halo, RT → Halo and Halo → RT, verify, report.')
    .option('--tickets <count>', 'tickets to seed in Autotask (RT gets two thirds as many)', parsePositiveInteger('tickets'), 150)
    .option('--report-dir <folder>', 'where the JSON and HTML reports go', join('.ticketbridge', 'reports'))
    .action(async (options: { tickets: number; reportDir: string }) => {
      process.exitCode = await runDemo({ tickets: options.tickets, reportFolder: options.reportDir })
    })
}
