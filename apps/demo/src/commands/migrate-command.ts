import { join } from 'node:path'
import { createInterface } from 'node:readline/promises'
import { AbortError, ConfigurationError } from '@ticketbridge/core'
import { createRequestMeter } from '@ticketbridge/http'
import { Command, Option } from 'commander'
import { commandHelp } from '../output/command-help'
import { exitCodes } from '../output/exit-codes'
import { stopOnSignals } from '../output/stop-on-signals'
import { createRateLimitNotice } from '../output/rate-limit-notice'
import { addConnectionOptions, connect, connectionSettings, ledgerNameOptionText, ledgerOptionText, parsePositiveInteger } from './shared-options'
import { checkReportFolder } from './check-report-folder'
import { enqueueMigration } from './queue/enqueue-migration'
import { type LedgerLocation, ledgerFlags, ledgerLocation, resolveInstances } from './ledger-location'
import { MigrationLedgerState } from './migrate-ledger-state'
import { runMigration } from './run-migration'
import { allVendors, findConnector, vendorChoices } from '../connectors/connectors'
import { sinceOption } from '../input/parse-since'
import { parseOnly } from '../input/parse-only'
import type { MigrateOptions } from './migrate-options'
import { runCutOver } from './run-cut-over'

export function createMigrateCommand(): Command {
  const command = new Command('migrate')
    .description('Move tickets, comments, files, people and organizations from one vendor to another; resumable and idempotent.')
    .requiredOption('--from <vendor>', `source: ${vendorChoices()}`)
    .requiredOption('--to <vendor>', `target: ${vendorChoices()}`)
    .option('--mapping <file>', 'statuses, priorities, queues, types, custom fields, people (JSON or YAML)')
    .option('--dry-run', 'write nothing to the target: run the same plan into a memory stand-in and report')
    .option('--since <date>', 'move only tickets changed at or after: 2026-11-30, 2026-11-30T18:00:00Z or 7d (a span back from now)', sinceOption())
    .option(
      '--only <selection>',
      'move only some tickets this run (a cut-over phase): status categories and/or updated-after=<date or span>, e.g. new,open,pending; a later run without it moves the rest',
      parseOnly,
    )
    .addOption(
      new Option('--order <order>', 'the order tickets move in (default: recently-updated-first where the source lists so)').choices([
        'recently-updated-first',
        'source',
      ]),
    )
    .addOption(
      new Option(
        '--plan <plan>',
        'cutover: price each phase at the budgets, then move open work first and the history after (with --dry-run: the plan only)',
      ).choices(['cutover']),
    )
    .option('--resume', 'continue the interrupted run recorded in the ledger')
    .option('--retry-failed', 'try again the records that failed before')
    .option(
      '--allow-unmapped',
      "let mapping entries name statuses, priorities, queues or types the target lacks (those tickets get the target's default)",
    )
    .option(
      '--allow-notifications',
      'write into a target that cannot suppress its notifications (RT scrips, Autotask workflow rules) without asking: requesters may be emailed',
    )
    .option(...ledgerOptionText)
    .option(...ledgerNameOptionText)
    .option('--report-dir <folder>', 'where the JSON and HTML reports go', join('.ticketbridge', 'reports'))
    .option('--concurrency <count>', 'tickets moved at once', parsePositiveInteger('concurrency'))
    .option('--no-verify', 'skip verification after the run')
    .option(
      '--queue <url>',
      'queue it instead of running it here: a PostgreSQL job queue (postgres://…) that `ticketbridge worker` processes run; prints the job id',
    )
    .addHelpText(
      'after',
      commandHelp({
        examples: [
          'migrate --from rt --to halo --mapping mapping.yaml --dry-run   # the plan, the cost at the budgets, nothing written',
          'migrate --from rt --to halo --mapping mapping.yaml',
          'migrate --from rt --to halo --resume                          # after Ctrl-C, a crash or a lost connection',
          'migrate --from rt --to halo --since 7d                        # what changed in the last week',
          'migrate --from rt --to halo --plan cutover                    # open work first, then the history; prints the switch command',
          'migrate --from rt --to halo --only new,open,pending            # phase 1 by hand; later runs move the rest and the delta',
          'migrate --from autotask --to halo --retry-failed --secrets-file ./secrets.env',
          "migrate --from rt --to halo --mapping mapping.yaml --queue 'postgres://ticketbridge@db/ticketbridge'   # for ticketbridge worker",
        ],
        vendors: allVendors(),
        notes: [
          'Exit codes: 0 moved and verified; 1 finished with failures or differences; 2 bad flags, config or mapping (nothing written);',
          '3 stopped (credentials, rights, network); 4 not found (a wrong base URL); 130 interrupted (run again with --resume).',
          'TICKETBRIDGE_STATE_DIR: where the default ledgers are kept (default ~/.local/state/ticketbridge).',
        ],
      }),
    )
  addConnectionOptions(command)
  return command.action(async (options: MigrateOptions) => {
    if (options.from === options.to) throw new ConfigurationError('--from and --to name the same vendor.', { option: 'to' })
    if (options.plan && (options.only || options.since || options.queue || options.resume))
      throw new ConfigurationError('--plan cutover runs its own phases: leave out --only, --since, --resume and --queue.', { option: 'plan' })
    if (options.queue) {
      await enqueueMigration({ ...options, queue: options.queue })
      return
    }
    const instances = await resolveInstances(options)
    const location = ledgerLocation(options, instances)
    if (options.resume && !options.dryRun) {
      const runs = await MigrationLedgerState.runCount(location)
      if (runs === 0)
        throw new ConfigurationError(
          `--resume: ${location.label} holds no run to resume. Leave out --resume to start the migration, or name its ledger with --ledger.`,
          { option: 'resume' },
        )
    }
    await checkReportFolder(options.reportDir)
    const state =
      !options.dryRun && !options.resume && !options.retryFailed && !options.since && !options.only
        ? await MigrationLedgerState.open(location)
        : undefined
    if (state) {
      const interrupted = await state.interruptedRun().finally(() => state.close())
      if (interrupted)
        throw new ConfigurationError(
          `An earlier run (${interrupted}) stopped before it finished. Pass --resume to continue it, or --ledger to start a separate migration.`,
          { option: 'resume' },
        )
    }
    const rateLimitNotice = createRateLimitNotice()
    const meters = { source: createRequestMeter(), target: createRequestMeter() }
    const [source, target] = await Promise.all([
      connect(options.from, options, { ...rateLimitNotice.hooks, axiosInstance: meters.source.axiosInstance }),
      connect(options.to, options, { ...rateLimitNotice.hooks, axiosInstance: meters.target.axiosInstance }),
    ])
    const stopping = stopOnSignals((line) => process.stderr.write(`${line}\n`))
    try {
      if (!options.dryRun && !options.allowNotifications && !target.capabilities.silentWrites) await confirmNotifications(target.vendor)
      if (options.plan === 'cutover') {
        process.exitCode = await runCutOver({ options, source, target, location, instances, rateLimitNotice, meters, signal: stopping.signal })
        return
      }
      const result = await runMigration({
        source,
        target,
        ledger: location,
        reportFolder: options.reportDir,
        ...(options.mapping ? { mappingFile: options.mapping } : {}),
        ...(options.dryRun ? { dryRun: true } : {}),
        ...(options.since ? { since: options.since } : {}),
        ...(options.only ? { only: options.only } : {}),
        ...(options.order ? { order: options.order } : {}),
        ...(options.retryFailed ? { retryFailed: true } : {}),
        ...(options.concurrency ? { concurrency: options.concurrency } : {}),
        ...(options.allowUnmapped ? { allowUnmapped: true } : {}),
        instances: { source: instances.from.instance, target: instances.to.instance },
        verify: options.verify,
        rateLimitNotice,
        meters,
        log: (line) => console.log(line),
        signal: stopping.signal,
        ticketWebUrl: await ticketWebAddresses(options),
      })
      console.log(`\nReport: ${result.htmlPath}\nJSON:   ${result.jsonPath}`)
      if (result.interrupted) console.log(describeInterruption(result.interrupted, options, location))
      process.exitCode = result.interrupted ? exitCodes.interrupted : result.complete ? exitCodes.success : exitCodes.incomplete
    } catch (error) {
      // Stopped before the run began (in the preflight): nothing was written.
      if (!(AbortError.isInstance(error) && stopping.signal.aborted)) throw error
      console.log('Interrupted in the preflight, before anything was written to the target.')
      process.exitCode = exitCodes.interrupted
    } finally {
      stopping.stop()
      await Promise.all([source.close(), target.close()])
    }
  })
}

/** What an interrupted run left, and the command that goes on from there. */
function describeInterruption(phase: 'run' | 'verify', options: MigrateOptions, location: LedgerLocation): string {
  // The address as given stays out of the output (it may hold a password): the label hides it.
  const ledger = ledgerFlags(options, location)
  if (phase === 'verify')
    return `Interrupted while verifying: the migration itself finished. Check the target with: ticketbridge verify --from ${options.from} --to ${options.to}${ledger}`
  return `Interrupted: every finished step is in the ledger (${location.label}). Go on with: ticketbridge migrate --from ${options.from} --to ${options.to}${ledger} --resume`
}

/**
 * A target that cannot write silently may email requesters for every imported ticket and comment:
 * asked in a terminal, refused elsewhere unless --allow-notifications says it is known.
 */
async function confirmNotifications(vendor: string): Promise<void> {
  const risk = `${vendor} cannot suppress notifications through its API: every ticket and comment written may email requesters and staff (turn off its notifications, such as RT's scrips or Autotask's workflow rules, first).`
  if (process.stdin.isTTY && process.stdout.isTTY) {
    const prompt = createInterface({ input: process.stdin, output: process.stdout })
    try {
      const answer = await prompt.question(`${risk}\nWrite into ${vendor} anyway? [y/N] `)
      if (/^y(es)?$/i.test(answer.trim())) return
    } finally {
      prompt.close()
    }
    throw new ConfigurationError('Stopped before writing anything: notifications were not confirmed.', { option: 'allow-notifications' })
  }
  throw new ConfigurationError(
    `${risk} Nothing was written. Pass --allow-notifications once they are off (or accepted), or --dry-run to see what would be written.`,
    {
      option: 'allow-notifications',
    },
  )
}

/** Each end's ticket page pattern, where its vendor has one, for the report's links. */
async function ticketWebAddresses(options: MigrateOptions): Promise<{ source?: string; target?: string }> {
  const address = async (vendor: string) => findConnector(vendor).ticketWebAddress?.(await connectionSettings(vendor, options))
  const [source, target] = await Promise.all([address(options.from), address(options.to)])
  return { ...(source ? { source } : {}), ...(target ? { target } : {}) }
}
