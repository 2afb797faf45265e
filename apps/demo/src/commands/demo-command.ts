import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { TicketingAdapter } from '@ticketbridge/core'
import { Command } from 'commander'
import { commandHelp } from '../output/command-help'
import { createRequestMeter, type RequestMeter, type RunningSimulator } from '@ticketbridge/http'
import { listConnectors } from '../connectors/connectors'
import { seedHelpDesk } from '../demo/seed-help-desk'
import { exitCodes } from '../output/exit-codes'
import { renderTable } from '../output/render-table'
import { parsePositiveInteger } from './shared-options'
import { runMigration } from './run-migration'

/**
 * The demo's plan from the registry: the first vendor is the hub, every other vendor is seeded
 * and migrated into it, then the hub migrates out to the last one.
 */
export function demoPlan(vendors: readonly string[]): { seeded: string[]; legs: [from: string, to: string][] } {
  const [hub, ...others] = vendors
  if (!hub || others.length === 0) return { seeded: [], legs: [] }
  return { seeded: others, legs: [...others.map((vendor): [string, string] => [vendor, hub]), [hub, others.at(-1)!]] }
}

export interface DemoOptions {
  tickets: number
  reportFolder: string
  log?: (line: string) => void
}

/**
 * `ticketbridge demo`: starts every vendor's simulator on 127.0.0.1, seeds a help desk in each but
 * the hub through the neutral interface, migrates each of them into the hub and the hub out to
 * the last (`demoPlan`) with the migration engine, verifies each, and prints the reports. Offline.
 * Returns the exit code: 0 when every leg verified with nothing failed.
 */
export async function runDemo(options: DemoOptions): Promise<number> {
  const log = options.log ?? ((line: string) => console.log(line))
  const simulators: RunningSimulator[] = []
  const adapters: TicketingAdapter[] = []
  try {
    const connectors = listConnectors()
    const plan = demoPlan(connectors.map((connector) => connector.vendor))
    log(`Starting the ${connectors.map((connector) => connector.title).join(', ')} simulators on 127.0.0.1…`)
    const connected = new Map<string, TicketingAdapter>()
    const meters = new Map<string, RequestMeter>()
    for (const connector of connectors) {
      const simulator = await connector.startSimulator({})
      simulators.push(simulator)
      const meter = createRequestMeter()
      meters.set(connector.vendor, meter)
      const adapter = connector.createAdapter(simulator.settings, { axiosInstance: meter.axiosInstance })
      adapters.push(adapter)
      connected.set(connector.vendor, adapter)
      log(`  ${connector.title.padEnd(16)} ${simulator.url}`)
    }
    // The first source gets the tickets asked for, the next two thirds as many, and so on.
    const seeded = plan.seeded.map((vendor, index) => ({
      vendor,
      tickets: Math.max(1, Math.round(options.tickets * (2 / 3) ** index)),
      seed: 11 + index * 12,
    }))
    const seedText = seeded.map(({ vendor, tickets }) => `${tickets} in ${connected.get(vendor)!.title ?? vendor}`).join(' and ')
    log(`Seeding tickets: ${seedText} (people, organizations where the vendor has them, comments, binary files, time worked)…`)
    for (const { vendor, tickets, seed } of seeded) await seedHelpDesk(connected.get(vendor)!, tickets, seed)

    const folder = await mkdtemp(join(tmpdir(), 'ticketbridge-demo-'))
    const summary: (string | number)[][] = []
    let allVerified = true
    const reports: string[] = []
    for (const [from, to] of plan.legs) {
      log('')
      log(`=== ${from} → ${to} ===`)
      const result = await runMigration({
        source: connected.get(from)!,
        target: connected.get(to)!,
        ledger: { ledger: join(folder, `${from}-to-${to}.sqlite`) },
        reportFolder: options.reportFolder,
        meters: { source: meters.get(from)!, target: meters.get(to)! },
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
    .description(
      "Offline: start every vendor's simulator, seed help desks, migrate each into the first vendor and back out to the last, verify, report.",
    )
    .option('--tickets <count>', 'tickets to seed in the first source (each next one gets two thirds as many)', parsePositiveInteger('tickets'), 150)
    .option('--report-dir <folder>', 'where the JSON and HTML reports go', join('.ticketbridge', 'reports'))
    .addHelpText(
      'after',
      commandHelp({
        examples: ['demo', 'demo --tickets 1000 --report-dir ./demo-reports'],
        vendors: [],
        notes: ['Needs no account and no network: every vendor is a simulator on 127.0.0.1, stopped at the end.'],
      }),
    )
    .action(async (options: { tickets: number; reportDir: string }) => {
      process.exitCode = await runDemo({ tickets: options.tickets, reportFolder: options.reportDir })
    })
}
