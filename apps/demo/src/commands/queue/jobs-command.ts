import { Command } from 'commander'
import { commandHelp } from '../../output/command-help'
import { renderTable } from '../../output/render-table'
import { type JobRow, listJobs } from '../../queue/job-table'
import { closeMigrationQueue, openMigrationQueue } from '../../queue/migration-queue'
import { queueOptionText, resolveQueueUrl } from './queue-option'

export function createJobsCommand(): Command {
  return new Command('jobs')
    .description('List the queued migrations: state, progress, worker, tries, and why one failed.')
    .option(...queueOptionText)
    .option('--json', 'print the jobs as JSON')
    .addHelpText(
      'after',
      commandHelp({
        examples: ["jobs --queue 'postgres://ticketbridge@db.internal/ticketbridge'"],
        vendors: [],
        notes: [
          'States: queued; running; retrying (it stopped for a passing reason, or its worker died: the next try resumes it);',
          'finished (moved and verified); incomplete (finished with failures or differences: see its report); failed (settings or credentials: fix them and queue it again).',
        ],
      }),
    )
    .action(async (options: { queue?: string; json?: boolean }) => {
      const boss = await openMigrationQueue(resolveQueueUrl(options.queue))
      try {
        const jobs = await listJobs(boss)
        if (options.json) {
          console.log(JSON.stringify(jobs, null, 2))
          return
        }
        if (jobs.length === 0) {
          console.log('No jobs: queue one with ticketbridge migrate … --queue <url>.')
          return
        }
        console.log(
          renderTable(
            ['job', 'migration', 'state', 'progress', 'worker', 'tries', 'updated', 'note'],
            jobs.map((job) => [
              job.id.slice(0, 8),
              job.label,
              stateOf(job),
              progressOf(job),
              job.worker ?? '',
              job.attempts,
              job.updatedAt.toISOString(),
              job.error ?? '',
            ]),
          ),
        )
      } finally {
        await closeMigrationQueue(boss, false)
      }
    })
}

/** Ours, unless pg-boss knows better: a job handed back after its worker died is queued again before any worker says so. */
function stateOf(job: JobRow): string {
  if (job.state === 'running' && job.queueState === 'retry') return 'retrying'
  return job.state
}

/** `tickets 120/500 (2 failed)` or `verify 80/120`. */
function progressOf(job: JobRow): string {
  if (job.phase === null || job.done === null) return ''
  const failed = job.failed ? ` (${job.failed} failed)` : ''
  return `${job.phase} ${job.done}/${job.total ?? '?'}${job.phase === 'tickets' ? failed : ''}`
}
