import pg from 'pg'

/** First key of the session locks that say "a live worker runs this job"; the second is hashtext(job id). */
const leaseNamespace = 0x7462_6a62

/** Tries the job's lease lock on this connection; true when it is now this connection's. */
async function tryLeaseLock(client: pg.ClientBase, jobId: string): Promise<boolean> {
  const { rows } = await client.query<{ taken: boolean }>('SELECT pg_try_advisory_lock($1, hashtext($2)) AS taken', [leaseNamespace, jobId])
  return rows[0]?.taken === true
}

/**
 * A worker's hold on a job while it runs it: a session advisory lock on its own connection. The
 * server frees it when that connection drops, which is what a worker killed with SIGKILL (or cut
 * off by the network) does; other workers test the lock to find jobs whose worker is gone.
 */
export interface JobLease {
  release(): Promise<void>
}

/** Takes the lease of a job; undefined when another live worker holds it. */
export async function takeJobLease(url: string, jobId: string): Promise<JobLease | undefined> {
  const client = new pg.Client({ connectionString: url, application_name: 'ticketbridge-job-lease' })
  // A dropped connection must not end the process: the lease is then simply gone, as it would be for a dead worker.
  client.on('error', () => undefined)
  await client.connect()
  if (!(await tryLeaseLock(client, jobId))) {
    await client.end()
    return undefined
  }
  return {
    async release() {
      await client.end().catch(() => undefined)
    },
  }
}

/** Whether a live worker holds the job's lease (tested by taking and at once dropping it). */
export async function isJobLeased(client: pg.ClientBase, jobId: string): Promise<boolean> {
  if (!(await tryLeaseLock(client, jobId))) return true
  await client.query('SELECT pg_advisory_unlock($1, hashtext($2))', [leaseNamespace, jobId])
  return false
}
