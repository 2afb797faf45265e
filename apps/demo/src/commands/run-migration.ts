import { mkdir, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { TicketingAdapter } from '@ticketbridge/core'
import { createMigration, loadMappingFile, type MigrationReport, renderReportHtml, renderReportText } from '@ticketbridge/migrate'
import { createProgressReporter } from '../output/progress-reporter'
import type { RateLimitNotice } from '../output/rate-limit-notice'

/** What one migration between two adapters should do. */
export interface RunMigrationOptions {
  source: TicketingAdapter
  target: TicketingAdapter
  ledgerPath: string
  reportFolder: string
  mappingFile?: string
  dryRun?: boolean
  since?: string
  retryFailed?: boolean
  concurrency?: number
  allowUnmapped?: boolean
  /** The source's and target's instances, kept in the ledger so another desk's ledger is refused. */
  instances?: { source: string; target: string }
  verify?: boolean
  /** Says on the progress line when a vendor's rate limit holds the work. */
  rateLimitNotice?: RateLimitNotice
  log: (line: string) => void
  signal?: AbortSignal
}

/** The outcome: the report, and where its JSON and HTML pages were written. */
export interface RunMigrationResult {
  report: MigrationReport
  jsonPath: string
  htmlPath: string
  complete: boolean
}

/**
 * Preflight, run with progress, verify, and write the reports: the body of `ticketbridge migrate`
 * and of each leg of `ticketbridge demo`.
 */
export async function runMigration(options: RunMigrationOptions): Promise<RunMigrationResult> {
  const { source, target, log } = options
  const mapping = options.mappingFile ? await loadMappingFile(options.mappingFile) : undefined
  await mkdir(resolve(options.ledgerPath, '..'), { recursive: true })
  const progress = createProgressReporter(`${source.vendor}→${target.vendor}`)
  const verifyProgress = createProgressReporter('verify')
  let ticketsDone = 0
  let ticketsTotal: number | undefined
  let ticketsFailed = 0
  const showTickets = () => {
    const detail = [ticketsFailed > 0 ? `${ticketsFailed} failed` : '', options.rateLimitNotice?.describe() ?? ''].filter(Boolean).join(', ')
    progress.update(ticketsDone, ticketsTotal, detail)
  }
  // A wait for a rate limit can last a minute: the line says so, and counts it down.
  let countdown: NodeJS.Timeout | undefined
  options.rateLimitNotice?.onChange(() => {
    showTickets()
    countdown ??= setInterval(() => {
      showTickets()
      if (!options.rateLimitNotice?.describe() && countdown) {
        clearInterval(countdown)
        countdown = undefined
      }
    }, 1_000).unref()
  })
  const migration = createMigration({
    source,
    target,
    ledgerPath: options.ledgerPath,
    ...(mapping ? { mapping } : {}),
    ...(options.dryRun ? { dryRun: true } : {}),
    ...(options.since ? { since: options.since } : {}),
    ...(options.retryFailed ? { retryFailed: true } : {}),
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
    ...(options.allowUnmapped ? { allowUnmapped: true } : {}),
    ...(options.instances ? { instances: options.instances } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    onProgress: (event) => {
      if (event.phase === 'tickets') {
        ticketsDone = event.done
        ticketsTotal = event.total
        ticketsFailed = event.failed
        showTickets()
      }
      if (event.phase === 'verify') verifyProgress.update(event.done, event.total)
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
  try {
    const preflight = await migration.preflight()
    log(
      `Preflight ${source.vendor} → ${target.vendor}: ${preflight.tickets} tickets; about ${preflight.estimate.requests.source} requests to ${source.vendor} and ${preflight.estimate.requests.target} to ${target.vendor}.`,
    )
    for (const note of preflight.degradations) log(`  note: ${note}`)
    for (const value of preflight.unmapped) log(`  unmapped ${value.kind}: ${value.value} (${value.count} tickets)`)
    for (const field of preflight.missingRequired) log(`  required target field left empty: ${field.field} (${field.count} tickets)`)
    const report = await migration.run()
    progress.stop()
    const verify = options.verify === false ? undefined : await migration.verify()
    verifyProgress.stop()
    const complete = report.failures.length === 0 && (verify?.passed ?? true)
    const full: MigrationReport = { ...report, ...(verify ? { verify } : {}) }
    await mkdir(options.reportFolder, { recursive: true })
    const stamp = full.startedAt.replace(/[:.]/g, '-')
    const base = join(options.reportFolder, `${source.vendor}-to-${target.vendor}-${stamp}${options.dryRun ? '-dry-run' : ''}`)
    await writeFile(`${base}.json`, JSON.stringify(full, null, 2))
    await writeFile(`${base}.html`, renderReportHtml(full))
    log('')
    log(renderReportText(full))
    return { report: full, jsonPath: `${base}.json`, htmlPath: `${base}.html`, complete }
  } finally {
    if (countdown) clearInterval(countdown)
    progress.stop()
    verifyProgress.stop()
    await migration.close()
  }
}
