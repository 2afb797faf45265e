import { mkdir, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { AbortError, type TicketingAdapter } from '@ticketbridge/core'
import type { RequestMeter } from '@ticketbridge/http'
import {
  createMigration,
  isPostgresLocation,
  loadMappingFile,
  type MappingFileInput,
  type MigrationProgressEvent,
  MigrationInterruptedError,
  type MigrationListOrder,
  type MigrationPhaseFilter,
  type MigrationReport,
  type PreflightReport,
  renderReportHtml,
  renderReportText,
  type VerifyReport,
} from '@ticketbridge/migrate'
import { announceRateLimitWaits } from '../output/announce-rate-limit-waits'
import { describeDuration, describeRateLimit, slowestAtBudget } from '../output/budget-eta'
import { createPhaseProgress } from '../output/phase-progress'
import type { RateLimitNotice } from '../output/rate-limit-notice'

/** What one migration between two adapters should do. */
export interface RunMigrationOptions {
  source: TicketingAdapter
  target: TicketingAdapter
  /** The ledger: a SQLite file, or a named ledger in PostgreSQL. */
  ledger: { ledger: string; ledgerName?: string }
  reportFolder: string
  mappingFile?: string
  /** The mapping itself, where it came with the job rather than from a file. */
  mapping?: MappingFileInput
  /** Each progress event of the engine as well, for a caller that keeps its own (a worker's job row). */
  onProgress?: (event: MigrationProgressEvent) => void
  dryRun?: boolean
  since?: string
  /** A cut-over phase: only these tickets this run. */
  only?: MigrationPhaseFilter
  order?: MigrationListOrder
  retryFailed?: boolean
  concurrency?: number
  allowUnmapped?: boolean
  /** The source's and target's instances, kept in the ledger so another desk's ledger is refused. */
  instances?: { source: string; target: string }
  verify?: boolean
  /** Says on the progress line when a vendor's rate limit holds the work. */
  rateLimitNotice?: RateLimitNotice
  /** Count the requests each end sends (their adapters were built with the meters' axios), for an ETA at the budgets. */
  meters?: { source: RequestMeter; target: RequestMeter }
  log: (line: string) => void
  signal?: AbortSignal
  /** Each end's ticket page as a pattern with `{id}`, where its vendor has one: the report links ticket ids. */
  ticketWebUrl?: MigrationReport['ticketWebUrl']
}

/** The outcome: the report, and where its JSON and HTML pages were written. */
export interface RunMigrationResult {
  report: MigrationReport
  jsonPath: string
  htmlPath: string
  complete: boolean
  /** Stopped by Ctrl-C or SIGTERM: in the run (resume it) or in verification (verify again). */
  interrupted?: 'run' | 'verify'
}

/**
 * Preflight, run with progress, verify, and write the reports: the body of `ticketbridge migrate`
 * and of each leg of `ticketbridge demo`.
 */
export async function runMigration(options: RunMigrationOptions): Promise<RunMigrationResult> {
  const { source, target, log } = options
  const mapping = options.mappingFile ? await loadMappingFile(options.mappingFile) : options.mapping
  if (!isPostgresLocation(options.ledger.ledger)) await mkdir(resolve(options.ledger.ledger, '..'), { recursive: true })
  let preflight: PreflightReport | undefined
  // Meters may have counted before this run (the demo seeds through them, and its adapters serve
  // several legs): this run's requests are counted from here.
  const atStart = { source: options.meters?.source.requests ?? 0, target: options.meters?.target.requests ?? 0 }
  const lines = { source, target, meters: options.meters, notice: options.rateLimitNotice }
  const progress = createPhaseProgress({
    ...lines,
    label: `${source.vendor}→${target.vendor}`,
    // A dry run writes nothing to the target: only the source's budget holds it.
    estimate: () =>
      preflight && {
        source: preflight.estimate.requests.source,
        ...(options.dryRun ? {} : { target: preflight.estimate.requests.target }),
      },
  })
  // Verification reads every moved ticket again (its comments and files too): at a budget that
  // takes as long as the run, so its line has its own ETA at the budget.
  const verifyProgress = createPhaseProgress({ ...lines, label: 'verify', estimate: () => preflight && { target: verifyRequests(preflight) } })
  let phase: 'tickets' | 'verify' = 'tickets'
  const waits = announceRateLimitWaits(options.rateLimitNotice, () => (phase === 'verify' ? verifyProgress.show() : progress.show()))
  const migration = createMigration({
    source,
    target,
    ledger: options.ledger.ledger,
    ...(options.ledger.ledgerName ? { ledgerName: options.ledger.ledgerName } : {}),
    ...(mapping ? { mapping } : {}),
    ...(options.dryRun ? { dryRun: true } : {}),
    ...(options.since ? { since: options.since } : {}),
    ...(options.only ? { only: options.only } : {}),
    ...(options.order ? { order: options.order } : {}),
    ...(options.retryFailed ? { retryFailed: true } : {}),
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
    ...(options.allowUnmapped ? { allowUnmapped: true } : {}),
    ...(options.instances ? { instances: options.instances } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    onProgress: (event) => {
      options.onProgress?.(event)
      if (event.phase === 'tickets') progress.update(event.done, event.total, event.failed)
      if (event.phase === 'verify') {
        if (phase !== 'verify') verifyProgress.start()
        phase = 'verify'
        verifyProgress.update(event.done, event.total)
      }
      if (event.phase === 'retry') {
        // One line per wait, on a TTY and off it: a wait can last a minute.
        const what =
          event.what === 'tickets'
            ? `${event.count} ticket${event.count === 1 ? '' : 's'} that failed for a passing reason`
            : `the ${source.vendor} listing, after ${event.count} tickets`
        process.stderr.write(
          `\nTrying ${what} again in ${Math.round(event.waitMs / 1000)} s (round ${event.round} of ${event.rounds}): ${event.reason}\n`,
        )
      }
    },
  })
  /** The run's report with the requests each end received: the wire's counts where the meters saw them, a dry run's target count the stand-in's. */
  const withRequests = (report: MigrationReport): MigrationReport => {
    const runRequests = options.meters && {
      source: options.meters.source.requests - atStart.source,
      target: options.meters.target.requests - atStart.target,
    }
    const requests = runRequests
      ? { source: runRequests.source, target: options.dryRun ? report.requests?.target : runRequests.target }
      : report.requests
    return {
      ...report,
      ...(requests ? { requests: Object.fromEntries(Object.entries(requests).filter(([, count]) => count !== undefined)) } : {}),
      ...(options.ticketWebUrl ? { ticketWebUrl: options.ticketWebUrl } : {}),
    }
  }
  /** Writes the JSON and HTML reports and prints the text one. */
  const finish = async (full: MigrationReport, stopped: { interrupted?: 'run' | 'verify' } = {}): Promise<RunMigrationResult> => {
    const paths = await writeReports(full, options.reportFolder, options.dryRun ?? false)
    log('')
    log(renderReportText(full))
    if (options.dryRun && !stopped.interrupted) {
      const cost = describeDryRunCost(full, source, target)
      if (cost) log(cost)
    }
    const complete = !stopped.interrupted && full.failures.length === 0 && (full.verify?.passed ?? true)
    return { report: full, ...paths, complete, ...(stopped.interrupted ? { interrupted: stopped.interrupted } : {}) }
  }
  try {
    preflight = await migration.preflight()
    log(
      `Preflight ${source.vendor} → ${target.vendor}: ${preflight.tickets} tickets; ${describeEstimate(preflight, source, target)}${
        options.verify === false ? '' : `; ${describeVerifyEstimate(preflight, target)}`
      }.`,
    )
    for (const note of preflight.degradations) log(`  note: ${note}`)
    for (const value of preflight.unmapped) log(`  unmapped ${value.kind}: ${value.value} (${value.count} tickets)`)
    for (const field of preflight.missingRequired) log(`  required target field left empty: ${field.field} (${field.count} tickets)`)
    progress.start()
    let report: MigrationReport
    try {
      report = await migration.run()
    } catch (error) {
      // Stopped by Ctrl-C or SIGTERM mid-run: report what was done, and how to go on.
      if (!MigrationInterruptedError.isInstance(error)) throw error
      progress.stop()
      return await finish(withRequests(error.report), { interrupted: 'run' })
    }
    // The run's own requests; verify's reads come after and are not the migration's cost.
    const full = withRequests(report)
    progress.stop()
    let verify: VerifyReport | undefined
    try {
      verify = options.verify === false ? undefined : await migration.verify()
    } catch (error) {
      if (!(AbortError.isInstance(error) && options.signal?.aborted)) throw error
      verifyProgress.stop()
      return await finish(full, { interrupted: 'verify' })
    }
    verifyProgress.stop()
    return await finish({ ...full, ...(verify ? { verify } : {}) })
  } finally {
    waits.stop()
    progress.stop()
    verifyProgress.stop()
    await migration.close()
  }
}

/** `about 120 requests to autotask and 60 to halo, about 4 min at halo's 300 requests / 5 min`. */
function describeEstimate(preflight: PreflightReport, source: TicketingAdapter, target: TicketingAdapter): string {
  const { requests } = preflight.estimate
  const slowest = slowestAtBudget([
    { vendor: source.vendor, rateLimit: source.rateLimit, requests: requests.source },
    { vendor: target.vendor, rateLimit: target.rateLimit, requests: requests.target },
  ])
  const time = slowest ? `, ${describeDuration(slowest.seconds)} at ${slowest.vendor}'s ${describeRateLimit(slowest.rateLimit)}` : ''
  return `about ${requests.source} requests to ${source.vendor} and ${requests.target} to ${target.vendor}${time}`
}

/**
 * What verification will read from the target: each moved ticket, its comments and its files'
 * list, and every file's bytes; the source only for a sample.
 */
function verifyRequests(preflight: PreflightReport): number {
  return Math.ceil(preflight.tickets * (3 + preflight.estimate.attachmentsPerTicket))
}

/** `then verifying reads about 700 from halo, 88 min at halo's 40 requests / 5 min`. */
function describeVerifyEstimate(preflight: PreflightReport, target: TicketingAdapter): string {
  const requests = verifyRequests(preflight)
  const slowest = slowestAtBudget([{ vendor: target.vendor, rateLimit: target.rateLimit, requests }])
  const time = slowest ? `, ${describeDuration(slowest.seconds)} at ${slowest.vendor}'s ${describeRateLimit(slowest.rateLimit)}` : ''
  return `then verifying reads about ${requests} from ${target.vendor}${time} (--no-verify skips it; ticketbridge verify runs it later)`
}

/** `At halo's 300 requests / 5 min the run would take about 4 min.`, from a dry run's counts. */
function describeDryRunCost(report: MigrationReport, source: TicketingAdapter, target: TicketingAdapter): string | undefined {
  const slowest = slowestAtBudget([
    { vendor: source.vendor, rateLimit: source.rateLimit, requests: report.requests?.source },
    { vendor: target.vendor, rateLimit: target.rateLimit, requests: report.requests?.target },
  ])
  if (!slowest) return undefined
  return `At ${slowest.vendor}'s ${describeRateLimit(slowest.rateLimit)} the run would take about ${describeDuration(slowest.seconds)}.`
}

/** The report as JSON and as an HTML page in the report folder, named by the pair and the start time. */
async function writeReports(report: MigrationReport, folder: string, dryRun: boolean): Promise<{ jsonPath: string; htmlPath: string }> {
  await mkdir(folder, { recursive: true })
  const stamp = report.startedAt.replace(/[:.]/g, '-')
  const base = join(folder, `${report.source}-to-${report.target}-${stamp}${dryRun ? '-dry-run' : ''}${report.interrupted ? '-interrupted' : ''}`)
  await writeFile(`${base}.json`, JSON.stringify(report, null, 2))
  await writeFile(`${base}.html`, renderReportHtml(report))
  return { jsonPath: `${base}.json`, htmlPath: `${base}.html` }
}
