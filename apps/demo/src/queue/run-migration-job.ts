import { join } from 'node:path'
import { AuthenticationError, ConfigurationError, type TicketingAdapter } from '@ticketbridge/core'
import { LedgerBusyError, type MigrationProgressEvent } from '@ticketbridge/migrate'
import type PgBoss from 'pg-boss'
import { findConnector } from '../connectors/connectors'
import { runMigration } from '../commands/run-migration'
import { type WorkerSecrets, jobConnectionSettings } from './job-connection-settings'
import { takeJobLease } from './job-lease'
import { markJobEnded, markJobStarted, recordJobProgress } from './job-table'
import { type MigrationJobData, migrationQueueName, readMigrationJobData } from './migration-job-data'

/** What every job of one worker process shares. */
export interface WorkerContext {
  boss: PgBoss
  queueUrl: string
  /** `host:pid`, shown by `ticketbridge jobs`. */
  worker: string
  secrets: WorkerSecrets
  reportFolder: string
  /** Seconds without progress before a request gives up. */
  timeoutSeconds?: number
  log(line: string): void
  /** Aborted when the worker is asked to stop: jobs end after their requests in flight, and are tried again elsewhere. */
  signal: AbortSignal
}

/** How often a job's progress row is written, at most: a row per ticket would cost more than it tells. */
const progressEveryMs = 1_000

/**
 * Runs one queued migration: takes its lease, connects both ends with the job's settings and the
 * worker's secrets, runs and verifies it on the shared ledger (a later try resumes it), and
 * records how it ended. A mistake that another try cannot mend (bad settings, refused
 * credentials, an unknown job shape) ends the job for good; anything else (a network failure,
 * the worker stopping, the ledger busy) puts it up for another try. The job leaves pg-boss's
 * `active` state (completed, failed or cancelled) before its lease is let go: a job seen active
 * without a lease is then always one whose worker died.
 */
export async function runMigrationJob(context: WorkerContext, job: PgBoss.Job<unknown>): Promise<void> {
  const { boss } = context
  const lease = await takeJobLease(context.queueUrl, job.id)
  if (!lease) throw new Error(`job ${job.id} is held by another live worker`)
  const say = (line: string) => context.log(`[${job.id.slice(0, 8)}] ${line}`)
  try {
    let data: MigrationJobData
    try {
      data = readMigrationJobData(job.data)
    } catch (error) {
      return await endForGood(context, job.id, error, say)
    }
    await markJobStarted(boss, job.id, context.worker)
    say(`${data.from} → ${data.to}, ledger ${data.ledger.name}: started on ${context.worker}`)
    let ends: { source: TicketingAdapter; target: TicketingAdapter }
    try {
      ends = await connectEnds(context, data)
    } catch (error) {
      if (isLasting(error)) return await endForGood(context, job.id, error, say)
      return await endForAnotherTry(context, job.id, error, say)
    }
    try {
      const result = await runMigration({
        source: ends.source,
        target: ends.target,
        ledger: { ledger: data.ledger.url ?? context.queueUrl, ledgerName: data.ledger.name },
        reportFolder: join(context.reportFolder, job.id),
        instances: data.instances,
        verify: true,
        ...(data.mapping ? { mapping: data.mapping } : {}),
        ...(data.options.since ? { since: data.options.since } : {}),
        ...(data.options.only ? { only: data.options.only } : {}),
        ...(data.options.order ? { order: data.options.order } : {}),
        ...(data.options.retryFailed ? { retryFailed: true } : {}),
        ...(data.options.concurrency ? { concurrency: data.options.concurrency } : {}),
        ...(data.options.allowUnmapped ? { allowUnmapped: true } : {}),
        onProgress: progressRecorder(context, job.id),
        log: () => undefined,
        signal: context.signal,
      })
      if (result.interrupted) return await endForAnotherTry(context, job.id, new Error('its worker was stopped'), say)
      const state = result.complete ? 'finished' : 'incomplete'
      const { counts } = result.report
      await markJobEnded(
        boss,
        job.id,
        state,
        result.complete
          ? undefined
          : `${counts.tickets.failed} tickets failed; verify ${result.report.verify?.passed ? 'passed' : 'failed'}: see ${result.htmlPath}`,
      )
      await boss.complete(migrationQueueName, job.id)
      say(
        `${state}: ${counts.tickets.created} tickets created, ${counts.tickets.failed} failed; verify ${result.report.verify?.passed ? 'PASSED' : 'FAILED'}; report ${result.htmlPath}`,
      )
    } catch (error) {
      if (isLasting(error)) return await endForGood(context, job.id, error, say)
      return await endForAnotherTry(context, job.id, error, say)
    } finally {
      await Promise.all([ends.source.close(), ends.target.close()])
    }
  } finally {
    await lease.release()
  }
}

/** Both ends' adapters, from the job's settings and this worker's secrets. */
async function connectEnds(context: WorkerContext, data: MigrationJobData): Promise<{ source: TicketingAdapter; target: TicketingAdapter }> {
  const connect = async (vendor: string, settings: Record<string, string>, instance: string) => {
    const connector = findConnector(vendor)
    const resolved = await jobConnectionSettings(connector, { settings, instance, secretsFile: data.secretsFile }, context.secrets)
    return connector.createAdapter(resolved, context.timeoutSeconds ? { timeoutMs: context.timeoutSeconds * 1000 } : {})
  }
  const source = await connect(data.from, data.settings.source, data.instances.source)
  const target = await connect(data.to, data.settings.target, data.instances.target)
  if (!data.options.allowNotifications && !target.capabilities.silentWrites) {
    await Promise.all([source.close(), target.close()])
    throw new ConfigurationError(
      `${target.vendor} cannot suppress notifications through its API: queue the migration with --allow-notifications once they are off (or accepted).`,
      { option: 'allow-notifications' },
    )
  }
  return { source, target }
}

/** Settings, credentials and job shapes do not mend by trying again; a ledger another process holds does. */
function isLasting(error: unknown): boolean {
  if (LedgerBusyError.isInstance(error)) return false
  return ConfigurationError.isInstance(error) || AuthenticationError.isInstance(error)
}

/** Ends a job for good: recorded as failed with its reason, and cancelled in pg-boss so no worker tries it again. */
async function endForGood(context: WorkerContext, id: string, error: unknown, say: (line: string) => void): Promise<void> {
  await markJobEnded(context.boss, id, 'failed', describe(error))
  await context.boss.cancel(migrationQueueName, id)
  say(`failed for good: ${describe(error)}`)
}

/** Puts the job up for another try (pg-boss offers it again after its retry delay); the try resumes from the ledger. */
async function endForAnotherTry(context: WorkerContext, id: string, error: unknown, say: (line: string) => void): Promise<void> {
  await markJobEnded(context.boss, id, 'retrying', describe(error))
  await context.boss.fail(migrationQueueName, id, { error: describe(error) })
  say(`stopped (${describe(error)}); it will be tried again`)
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** Writes the job's progress row from the engine's events, at most once a second per phase. */
function progressRecorder(context: WorkerContext, id: string): (event: MigrationProgressEvent) => void {
  let lastWritten = 0
  let writing: Promise<void> = Promise.resolve()
  return (event) => {
    if (event.phase !== 'tickets' && event.phase !== 'verify') return
    const now = Date.now()
    const last = event.done === event.total
    if (!last && now - lastWritten < progressEveryMs) return
    lastWritten = now
    const progress = { phase: event.phase, done: event.done, total: event.total, ...(event.phase === 'tickets' ? { failed: event.failed } : {}) }
    // One write at a time, in order; a failed progress write is not the job's failure.
    writing = writing.then(() => recordJobProgress(context.boss, id, progress)).catch(() => undefined)
  }
}
