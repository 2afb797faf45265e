import type PgBoss from 'pg-boss'
import { migrationQueueName } from './migration-job-data'

/**
 * What `ticketbridge jobs` shows of a migration job beside pg-boss's own state: what it moves,
 * where it is (tickets done of total, which worker), and how it ended. pg-boss keeps the job
 * itself; this table keeps what a person watching the queue wants to read.
 */
export interface JobRow {
  id: string
  ledgerName: string
  label: string
  /** pg-boss's state: created (queued), retry, active, completed, cancelled, failed. */
  queueState: string | null
  /** Ours: queued, running, retrying, finished, incomplete, failed. */
  state: string
  worker: string | null
  attempts: number
  queuedAt: Date
  startedAt: Date | null
  updatedAt: Date
  finishedAt: Date | null
  done: number | null
  total: number | null
  failed: number | null
  phase: string | null
  error: string | null
}

/** Creates the table once, under a lock: workers starting together would race on CREATE TABLE. */
export async function ensureJobTable(boss: PgBoss): Promise<void> {
  await boss.getDb().executeSql(
    `BEGIN;
     SELECT pg_advisory_xact_lock(7461726964676502);
     CREATE TABLE IF NOT EXISTS ticketbridge_job (
       id uuid PRIMARY KEY, ledger_name text NOT NULL, label text NOT NULL, state text NOT NULL, worker text,
       attempts integer NOT NULL DEFAULT 0, queued_at timestamptz NOT NULL DEFAULT now(), started_at timestamptz,
       updated_at timestamptz NOT NULL DEFAULT now(), finished_at timestamptz,
       done integer, total integer, failed integer, phase text, error text);
     CREATE INDEX IF NOT EXISTS ticketbridge_job_by_ledger ON ticketbridge_job (ledger_name, state);
     COMMIT;`,
    [],
  )
}

export async function insertJob(boss: PgBoss, job: { id: string; ledgerName: string; label: string }): Promise<void> {
  await boss
    .getDb()
    .executeSql("INSERT INTO ticketbridge_job (id, ledger_name, label, state) VALUES ($1, $2, $3, 'queued')", [job.id, job.ledgerName, job.label])
}

/** A job not yet ended that moves the same ledger: a second one would only wait for the first. */
export async function unfinishedJobOfLedger(boss: PgBoss, ledgerName: string): Promise<string | undefined> {
  const { rows } = await boss
    .getDb()
    .executeSql("SELECT id FROM ticketbridge_job WHERE ledger_name = $1 AND state IN ('queued', 'running', 'retrying') LIMIT 1", [ledgerName])
  return (rows[0] as { id: string } | undefined)?.id
}

export async function markJobStarted(boss: PgBoss, id: string, worker: string): Promise<void> {
  await boss
    .getDb()
    .executeSql(
      "UPDATE ticketbridge_job SET state = 'running', worker = $2, attempts = attempts + 1, started_at = coalesce(started_at, now()), updated_at = now(), error = NULL WHERE id = $1",
      [id, worker],
    )
}

export async function recordJobProgress(
  boss: PgBoss,
  id: string,
  progress: { phase: string; done: number; total?: number; failed?: number },
): Promise<void> {
  await boss
    .getDb()
    .executeSql(
      'UPDATE ticketbridge_job SET phase = $2, done = $3, total = coalesce($4, total), failed = coalesce($5, failed), updated_at = now() WHERE id = $1',
      [id, progress.phase, progress.done, progress.total ?? null, progress.failed ?? null],
    )
}

/** How a try of the job ended: for good (finished, incomplete, failed) or for another try (retrying). */
export async function markJobEnded(
  boss: PgBoss,
  id: string,
  state: 'finished' | 'incomplete' | 'failed' | 'retrying',
  error?: string,
): Promise<void> {
  await boss.getDb().executeSql(
    // `retrying` never overwrites an end: a job handed back just as it finished stays finished.
    `UPDATE ticketbridge_job SET state = $2, error = $3, updated_at = now(), finished_at = CASE WHEN $2 = 'retrying' THEN NULL ELSE now() END
       WHERE id = $1 AND ($2 <> 'retrying' OR state IN ('queued', 'running', 'retrying'))`,
    [id, state, error ?? null],
  )
}

/** Every job, oldest first, with pg-boss's state beside ours. */
export async function listJobs(boss: PgBoss): Promise<JobRow[]> {
  // pgboss.job is pg-boss's documented table; its state is the truth about queued, active and retry.
  const { rows } = await boss.getDb().executeSql(
    `SELECT t.*, b.state AS queue_state FROM ticketbridge_job t
     LEFT JOIN pgboss.job b ON b.name = $1 AND b.id = t.id
     ORDER BY t.queued_at, t.id`,
    [migrationQueueName],
  )
  return (rows as Record<string, unknown>[]).map((row) => ({
    id: String(row.id),
    ledgerName: String(row.ledger_name),
    label: String(row.label),
    queueState: (row.queue_state as string | null) ?? null,
    state: String(row.state),
    worker: (row.worker as string | null) ?? null,
    attempts: Number(row.attempts),
    queuedAt: row.queued_at as Date,
    startedAt: (row.started_at as Date | null) ?? null,
    updatedAt: row.updated_at as Date,
    finishedAt: (row.finished_at as Date | null) ?? null,
    done: (row.done as number | null) ?? null,
    total: (row.total as number | null) ?? null,
    failed: (row.failed as number | null) ?? null,
    phase: (row.phase as string | null) ?? null,
    error: (row.error as string | null) ?? null,
  }))
}
