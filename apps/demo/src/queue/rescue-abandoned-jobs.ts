import pg from 'pg'
import type PgBoss from 'pg-boss'
import { isJobLeased } from './job-lease'
import { markJobEnded } from './job-table'
import { migrationQueueName } from './migration-job-data'

/** A job active for less than this may be between pg-boss handing it out and its worker taking the lease. */
const leaseGraceSeconds = 10

/**
 * Finds jobs pg-boss counts as running whose worker holds no lease any more (killed, or its
 * connection lost) and hands them back: pg-boss's `fail` puts them up for another try, which any
 * worker picks up and resumes from the shared ledger. pg-boss alone would wait for the job's
 * expiry (hours, since a migration may run for hours); the lease tells within seconds.
 * Answers the ids handed back.
 */
export async function rescueAbandonedJobs(boss: PgBoss, url: string): Promise<string[]> {
  // pgboss.job is pg-boss's documented table: the active jobs of our queue, past the grace.
  const { rows } = await boss
    .getDb()
    .executeSql(`SELECT id FROM pgboss.job WHERE name = $1 AND state = 'active' AND started_on < now() - make_interval(secs => $2)`, [
      migrationQueueName,
      leaseGraceSeconds,
    ])
  if (rows.length === 0) return []
  const client = new pg.Client({ connectionString: url, application_name: 'ticketbridge-rescue' })
  client.on('error', () => undefined)
  await client.connect()
  const rescued: string[] = []
  try {
    for (const { id } of rows as { id: string }[]) {
      if (await isJobLeased(client, id)) continue
      // pg-boss fails only a job still active: one that ended between the two looks stays ended.
      await boss.fail(migrationQueueName, id, { error: 'worker lost' })
      const job = await boss.getJobById(migrationQueueName, id)
      if (job?.state !== 'retry' && job?.state !== 'failed') continue
      await markJobEnded(boss, id, 'retrying', 'its worker stopped (killed, or its connection lost); another worker resumes it')
      rescued.push(id)
    }
  } finally {
    await client.end().catch(() => undefined)
  }
  return rescued
}
