import { setMaxListeners } from 'node:events'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { coordinateSharedBudgets } from '@ticketbridge/http'
import { describeLedgerLocation } from '@ticketbridge/migrate'
import { Command } from 'commander'
import { allVendors } from '../../connectors/connectors'
import { commandHelp } from '../../output/command-help'
import { exitCodes } from '../../output/exit-codes'
import { closeMigrationQueue, openMigrationQueue } from '../../queue/migration-queue'
import { migrationQueueName } from '../../queue/migration-job-data'
import { PostgresBudgetCoordinator } from '../../queue/postgres-budget-coordinator'
import { rescueAbandonedJobs } from '../../queue/rescue-abandoned-jobs'
import { runMigrationJob, type WorkerContext } from '../../queue/run-migration-job'
import { parsePositiveInteger } from '../shared-options'
import { queueOptionText, resolveQueueUrl } from './queue-option'

/** How often a worker looks for jobs whose worker is gone. */
const rescueEverySeconds = 5

interface WorkerOptions {
  queue?: string
  concurrency: number
  secretsDir?: string
  reportDir: string
  timeout?: number
}

export function createWorkerCommand(): Command {
  return new Command('worker')
    .description(
      'Run queued migrations (ticketbridge migrate --queue): any number of workers, on any machines, share the queue, the ledgers and each instance’s rate-limit budget.',
    )
    .option(...queueOptionText)
    .option('--concurrency <count>', 'migrations this worker runs at once', parsePositiveInteger('concurrency'), 1)
    .option(
      '--secrets-dir <folder>',
      'where the secrets files jobs name are (KEY=value files); without one, secrets come from this worker’s environment',
    )
    .option('--report-dir <folder>', 'where each job’s JSON and HTML reports go (a folder per job)', join('.ticketbridge', 'reports'))
    .option('--timeout <seconds>', 'seconds a request may go without progress before it gives up (default 30)', parsePositiveInteger('timeout'))
    .addHelpText(
      'after',
      commandHelp({
        examples: ["worker --queue 'postgres://ticketbridge@db.internal/ticketbridge' --concurrency 2 --secrets-dir /etc/ticketbridge/secrets"],
        vendors: allVendors(),
        notes: [
          'A worker killed (even with SIGKILL) leaves its jobs to the others: they resume them from the shared ledger within seconds.',
          'Two jobs touching one Halo tenant or Autotask database share its budget, whichever workers run them.',
          'SIGINT or SIGTERM: the worker stops after the requests in flight; its jobs are tried again by the others.',
        ],
      }),
    )
    .action(async (options: WorkerOptions) => {
      const queueUrl = resolveQueueUrl(options.queue)
      const boss = await openMigrationQueue(queueUrl, { supervise: true })
      const coordinator = await PostgresBudgetCoordinator.open(queueUrl)
      coordinateSharedBudgets(coordinator)
      const stopping = new AbortController()
      // Every request of every running job listens on this one signal: many at once are expected.
      setMaxListeners(0, stopping.signal)
      const worker = `${hostname()}:${process.pid}`
      const context: WorkerContext = {
        boss,
        queueUrl,
        worker,
        secrets: options.secretsDir ? { secretsDirectory: options.secretsDir } : {},
        reportFolder: options.reportDir,
        ...(options.timeout ? { timeoutSeconds: options.timeout } : {}),
        log: (line) => console.log(line),
        signal: stopping.signal,
      }
      for (let slot = 0; slot < options.concurrency; slot += 1) {
        await boss.work(migrationQueueName, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]) => {
          if (job) await runMigrationJob(context, job)
        })
      }
      console.log(`Worker ${worker}: running up to ${options.concurrency} migration(s) at once from ${describeLedgerLocation(queueUrl)}.`)
      const rescue = setInterval(() => {
        rescueAbandonedJobs(boss, queueUrl)
          .then((ids) => {
            for (const id of ids) console.log(`[${id.slice(0, 8)}] its worker is gone: handed back to the queue, to be resumed`)
          })
          .catch((error: unknown) => console.error(`Looking for abandoned jobs failed: ${error instanceof Error ? error.message : String(error)}`))
      }, rescueEverySeconds * 1000)
      await new Promise<void>((resolve) => {
        const stop = (signal: NodeJS.Signals) => {
          console.log(`${signal}: stopping after the requests in flight; unfinished jobs go back to the queue.`)
          stopping.abort()
          resolve()
        }
        process.once('SIGINT', stop)
        process.once('SIGTERM', stop)
      })
      clearInterval(rescue)
      await closeMigrationQueue(boss)
      coordinateSharedBudgets(undefined)
      await coordinator.close()
      process.exitCode = exitCodes.success
    })
}
